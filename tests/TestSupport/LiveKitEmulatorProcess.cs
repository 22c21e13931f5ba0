using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;

namespace ItqanRecording.TestSupport;

/// <summary>
/// The project's LiveKit emulator (tools/LiveKitEmulator) as its own process on a free port, speaking Twirp and
/// sending signed webhooks to <see cref="WebhookUrl"/>; its control API sets faults and shows its egress.
/// </summary>
public sealed class LiveKitEmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LiveKitEmulatorProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        Control = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Url { get; }

    public HttpClient Control { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<LiveKitEmulatorProcess> StartAsync(
        string apiKey, string apiSecret, string webhookUrl, string outputPrefix, string outputRoot)
    {
        var url = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}");
        var start = new ProcessStartInfo("dotnet", [EmulatorAssemblyPath(), "--urls", url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Emulator__ApiKey"] = apiKey;
        start.Environment["Emulator__ApiSecret"] = apiSecret;
        start.Environment["Emulator__WebhookUrl"] = webhookUrl;
        start.Environment["Emulator__OutputPrefix"] = outputPrefix;
        start.Environment["Emulator__OutputRoot"] = outputRoot;
        start.Environment["Emulator__ProcessingDelayMs"] = "300";
        start.Environment["Emulator__MediaSeconds"] = "2";
        start.Environment["Emulator__WebhookRetryBaseDelayMs"] = "100";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the LiveKit emulator.");
        var emulator = new LiveKitEmulatorProcess(process, url);
        process.OutputDataReceived += (_, e) => emulator.Append(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await emulator.WaitUntilHealthyAsync();
        return emulator;
    }

    public async Task ResetAsync() =>
        (await Control.PostAsync(new Uri("/_emulator/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async Task SetFaultsAsync(object faults) =>
        (await Control.PostAsJsonAsync(new Uri("/_emulator/faults", UriKind.Relative), faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() =>
        (await Control.DeleteAsync(new Uri("/_emulator/faults", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary>The identity joins the room (the emulator sends <c>participant_joined</c>).</summary>
    public async Task JoinAsync(string roomName, string identity) =>
        (await Control.PostAsync(new Uri($"/_emulator/rooms/{roomName}/participants/{Uri.EscapeDataString(identity)}/join", UriKind.Relative), null))
            .EnsureSuccessStatusCode();

    /// <summary>The identity leaves the room (<c>participant_left</c>).</summary>
    public async Task LeaveAsync(string roomName, string identity) =>
        (await Control.PostAsync(new Uri($"/_emulator/rooms/{roomName}/participants/{Uri.EscapeDataString(identity)}/leave", UriKind.Relative), null))
            .EnsureSuccessStatusCode();

    public async Task<EmulatorState> GetStateAsync() =>
        (await Control.GetFromJsonAsync<EmulatorState>(new Uri("/_emulator/egress", UriKind.Relative)))!;

    /// <summary>Waits until LiveKit would really be recording: a room composite stopped while starting is aborted.</summary>
    public Task WaitUntilActiveAsync(string egressId) =>
        Poll.UntilAsync(GetStateAsync, state => state.Egress.Any(e => e.EgressId == egressId && e.Status == "EGRESS_ACTIVE"));

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string EmulatorAssemblyPath()
    {
        // The tests run from tests/<project>/bin/<Configuration>/net10.0; the emulator builds beside them (a test project
        // that starts it references its project without its assembly).
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ItqanRecording.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("Could not find the repository root above " + AppContext.BaseDirectory);
        }

        var path = Path.Combine(root.FullName, "tools", "LiveKitEmulator", "bin", configuration, "net10.0", "ItqanRecording.LiveKitEmulator.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the LiveKit emulator first.", path);
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The LiveKit emulator exited at start:\n" + Output);
            }

            try
            {
                using var response = await Control.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The LiveKit emulator did not become healthy:\n" + Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

public sealed record EmulatorState(int StartCalls, IReadOnlyList<EmulatorEgress> Egress);

public sealed record EmulatorEgress(string EgressId, string RoomName, string Status, string? Filepath, string? Error, int StopCalls = 0);
