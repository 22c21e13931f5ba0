using System.Diagnostics;
using System.Globalization;

namespace ItqanRecording.TestSupport;

/// <summary>
/// The throw-away folder of a local server started by this test process. It names its owner in a pid file and is
/// removed by a shell <c>reap DIR</c> function its server defines (stop what runs from DIR, delete DIR): on
/// <see cref="DisposeAsync"/>, by <see cref="StopNow"/> at process exit, and — should the test process be killed
/// outright — by a watchdog shell that waits for this process to disappear. Folders whose owner died anyway are
/// reaped when the next one is created.
/// </summary>
internal sealed class OwnedFolder : IAsyncDisposable
{
    private const string OwnerFileName = "owner.pid";
    private static readonly TimeSpan ReapTimeout = TimeSpan.FromSeconds(120);

    private readonly string _reapFunction;
    private Process? _watchdog;
    private int _stopped;

    private OwnedFolder(string path, string reapFunction)
    {
        Path = path;
        _reapFunction = reapFunction;
    }

    public string Path { get; }

    /// <summary>
    /// Reaps the abandoned folders with <paramref name="prefix"/> in <paramref name="baseDirectory"/>, then creates
    /// <c>{prefix}{pid}-{guid}</c> there with its owner file.
    /// </summary>
    public static async Task<OwnedFolder> CreateAsync(
        string baseDirectory, string prefix, string reapFunction, CancellationToken cancellationToken)
    {
        await ReapAbandonedAsync(baseDirectory, prefix, reapFunction, cancellationToken);
        var path = System.IO.Path.Combine(baseDirectory, $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        await File.WriteAllTextAsync(
            System.IO.Path.Combine(path, OwnerFileName),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        return new OwnedFolder(path, reapFunction);
    }

    /// <summary>Starts the shell that reaps the folder once this process is gone (no ProcessExit when killed).</summary>
    public void StartWatchdog()
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while [ -d "$2" ] && kill -0 "$1" 2>/dev/null; do sleep 1; done
            reap "$2"
            """;
        _watchdog = ProcessRunner.StartDetached(
            "/bin/sh",
            ["-c", $"{_reapFunction}\n{script}", "itqan-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path]);
    }

    /// <summary>Reaps the folder without async work, for process exit.</summary>
    public void StopNow()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        using (var reaper = ProcessRunner.StartDetached("/bin/sh", ReapArguments(_reapFunction, [Path])))
        {
            reaper.WaitForExit(TimeSpan.FromSeconds(30));
        }

        StopWatchdog();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await ProcessRunner.RunAsync("/bin/sh", ReapArguments(_reapFunction, [Path]), "/", ReapTimeout, CancellationToken.None);
        StopWatchdog();
    }

    private void StopWatchdog()
    {
        var watchdog = Interlocked.Exchange(ref _watchdog, null);
        if (watchdog is null)
        {
            return;
        }

        try
        {
            watchdog.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        watchdog.Dispose();
    }

    private static async Task ReapAbandonedAsync(string baseDirectory, string prefix, string reapFunction, CancellationToken cancellationToken)
    {
        var abandoned = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(baseDirectory, prefix + "*"))
        {
            var ownerFile = System.IO.Path.Combine(directory, OwnerFileName);
            if (File.Exists(ownerFile)
                && int.TryParse(await File.ReadAllTextAsync(ownerFile, cancellationToken), CultureInfo.InvariantCulture, out var owner)
                && !IsRunning(owner))
            {
                abandoned.Add(directory);
            }
        }

        if (abandoned.Count > 0)
        {
            await ProcessRunner.RunAsync("/bin/sh", ReapArguments(reapFunction, abandoned), "/", ReapTimeout, cancellationToken);
        }
    }

    private static string[] ReapArguments(string reapFunction, IEnumerable<string> folders) =>
        ["-c", $"{reapFunction}\nfor dir in \"$@\"; do reap \"$dir\"; done", "itqan-reap", .. folders];

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
