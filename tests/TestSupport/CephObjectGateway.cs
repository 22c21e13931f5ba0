using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ItqanRecording.TestSupport;

/// <summary>
/// A throw-away single-node Ceph cluster with a RADOS Gateway, made with Debian's Ceph packages: one monitor, one OSD
/// that keeps objects in memory (<c>memstore</c>), no manager, Ceph's internal auth off, every daemon on 127.0.0.1 on
/// free ports, every file in one temp folder. The gateway checks S3 signatures as production S3 stores do.
/// </summary>
/// <remarks>
/// <para>
/// Use <see cref="SharedAsync"/> from tests; the gateway starts on first use and stops when the test process exits.
/// The daemons run as the current user (as root too: Ceph only drops privileges when told to with <c>--setuser</c>).
/// </para>
/// <para>
/// The daemons are stopped and the folder removed on <see cref="DisposeAsync"/>, by <see cref="StopNow"/> at process
/// exit, and — should the test process be killed outright — by a watchdog shell that waits for this process to
/// disappear. Folders left over by a process that died anyway are reaped by the next start.
/// </para>
/// </remarks>
public sealed class CephObjectGateway : IAsyncDisposable
{
    /// <summary>The region requests are signed for; the gateway's default zone group answers to any.</summary>
    public const string Region = "us-east-1";

    private const string DirectoryPrefix = "itqan-ceph-";
    private const string UserId = "itqan-tests";
    private const string ConfigFileName = "ceph.conf";
    private const int StartAttempts = 3;
    private const int LogTailLines = 25;
    private const int MessengerPortRangeSize = 40;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Defines <c>reap DIR</c>: kill (SIGKILL: the objects live in memory and are thrown away anyway) every process
    /// whose command line names DIR/ceph.conf — the daemons, and any ceph command still waiting on them — wait until
    /// they are gone, delete DIR. Matching the folder's own config path cannot hit an unrelated process.
    /// </summary>
    private const string ReapFunction = """
        reap() {
          pids=$(grep -lsxFz "$1/ceph.conf" /proc/[0-9]*/cmdline | sed 's#^/proc/\([0-9]*\)/cmdline$#\1#')
          for pid in $pids; do kill -KILL "$pid" 2>/dev/null; done
          for pid in $pids; do
            i=0
            while [ -d "/proc/$pid" ] && ! grep -qs '^State:[[:space:]]*Z' "/proc/$pid/status" && [ "$i" -lt 100 ]; do
              sleep 0.1; i=$((i+1))
            done
          done
          rm -rf "$1"
        }
        """;

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static CephObjectGateway? _shared;

    private readonly OwnedFolder _folder;
    private readonly SemaphoreSlim _userChanges = new(1, 1);

    private CephObjectGateway(OwnedFolder folder, int gatewayPort)
    {
        _folder = folder;
        Endpoint = new Uri($"http://127.0.0.1:{gatewayPort.ToString(CultureInfo.InvariantCulture)}");
        AccessKey = "ITQAN" + RandomToken(15).ToUpperInvariant();
        SecretKey = RandomToken(40);
    }

    /// <summary>The gateway's S3 endpoint (path-style: <c>{Endpoint}/{bucket}/{key}</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>The access key of the gateway's only user, which owns every bucket made here.</summary>
    public string AccessKey { get; }

    public string SecretKey { get; }

    /// <summary>The throw-away folder that holds the cluster's configuration, data, sockets and logs.</summary>
    public string Folder => _folder.Path;

    public string Description => $"Ceph RADOS Gateway at {Endpoint} (cluster in {Folder})";

    private string ConfigFile => Path.Combine(Folder, ConfigFileName);

    /// <summary>The gateway shared by every test in this test process, started on first use. Do not dispose it.</summary>
    public static async Task<CephObjectGateway> SharedAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _shared) is { } running)
        {
            return running;
        }

        await SharedGate.WaitAsync(cancellationToken);
        try
        {
            if (_shared is null)
            {
                var gateway = await StartAsync(cancellationToken);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => gateway.StopNow();
                Volatile.Write(ref _shared, gateway);
            }

            return _shared;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>Starts a gateway of its own; the caller disposes it. Tests normally use <see cref="SharedAsync"/>.</summary>
    public static async Task<CephObjectGateway> StartAsync(CancellationToken cancellationToken = default)
    {
        var baseDirectory = Path.GetTempPath();
        for (var attempt = 1; ; attempt++)
        {
            var gateway = new CephObjectGateway(
                await OwnedFolder.CreateAsync(baseDirectory, DirectoryPrefix, ReapFunction, cancellationToken), FreeTcpPort.Next());
            try
            {
                await gateway.StartDaemonsAsync(cancellationToken);
                gateway._folder.StartWatchdog();
                return gateway;
            }
            catch (GatewayStartException e) when (e.PortTaken && attempt < StartAttempts)
            {
                // Another process took one of the free ports between the check and the bind: start over on new ones.
                await gateway.DisposeAsync();
            }
            catch
            {
                await gateway.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// An S3 client for the gateway as S3-compatible stores need it: path-style addresses, and checksums only where
    /// the operation requires them (Ceph 16 predates the SDK's default ones). <paramref name="secretKey"/> signs with
    /// another secret, to see the gateway refuse it. Uploads must also set <c>UseChunkEncoding = false</c>.
    /// </summary>
    public AmazonS3Client CreateClient(string? secretKey = null) =>
        new(
            new BasicAWSCredentials(AccessKey, secretKey ?? SecretKey),
            new AmazonS3Config
            {
                ServiceURL = Endpoint.ToString(),
                AuthenticationRegion = Region,
                ForcePathStyle = true,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
                Timeout = TimeSpan.FromSeconds(60),
            });

    /// <summary>Creates an empty bucket whose name starts with <paramref name="namePrefix"/> and returns its name.</summary>
    public async Task<string> CreateBucketAsync(string namePrefix, CancellationToken cancellationToken = default)
    {
        var name = $"{namePrefix.ToLowerInvariant()}-{Guid.NewGuid():N}"[..Math.Min(63, namePrefix.Length + 13)];
        using var client = CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken);
        return name;
    }

    /// <summary>
    /// Adds a subuser of the gateway's user with S3 keys of its own and only <c>write</c> access, as a least-privilege
    /// key for an uploader: what it puts belongs to the user that owns the buckets (an object put by a separate user
    /// would belong to that user, and the bucket's owner could not even HEAD it).
    /// </summary>
    public async Task<(string AccessKey, string SecretKey)> CreateWriteOnlyKeysAsync(string name, CancellationToken cancellationToken = default)
    {
        var keys = ("ITQAN" + RandomToken(15).ToUpperInvariant(), RandomToken(40));
        // Two subusers made at once both rewrite the user's record, and one fails ("unable to store user info").
        await _userChanges.WaitAsync(cancellationToken);
        using var release = new SemaphoreRelease(_userChanges);
        await RunOrThrowAsync(
            "radosgw-admin",
            ["-c", ConfigFile, "subuser", "create", "--uid", UserId, "--subuser", $"{UserId}:{name}", "--access", "write",
                "--key-type", "s3", "--access-key", keys.Item1, "--secret-key", keys.Item2],
            cancellationToken);
        return keys;
    }

    public void StopNow() => _folder.StopNow();

    public ValueTask DisposeAsync() => _folder.DisposeAsync();

    private async Task StartDaemonsAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { "run", "mon", "osd", "rgw" })
        {
            Directory.CreateDirectory(Path.Combine(Folder, folder));
        }

        var fsid = Guid.NewGuid().ToString();
        var monitorAddress = $"[v2:127.0.0.1:{FreeTcpPort.Next()},v1:127.0.0.1:{FreeTcpPort.Next()}]";
        await File.WriteAllTextAsync(ConfigFile, Config(fsid, monitorAddress), cancellationToken);

        var monitorMap = Path.Combine(Folder, "monmap");
        await RunOrThrowAsync("monmaptool", ["--create", "--fsid", fsid, "--addv", "a", monitorAddress, monitorMap], cancellationToken);
        await RunOrThrowAsync("ceph-mon", ["--mkfs", "-i", "a", "--monmap", monitorMap, "-c", ConfigFile], cancellationToken);
        await RunOrThrowAsync("ceph-mon", ["-i", "a", "-c", ConfigFile], cancellationToken);

        var osdUuid = Guid.NewGuid().ToString();
        await RunOrThrowAsync("ceph", ["-c", ConfigFile, "osd", "new", osdUuid], cancellationToken);
        await RunOrThrowAsync("ceph-osd", ["-i", "0", "--mkfs", "--osd-uuid", osdUuid, "-c", ConfigFile], cancellationToken);
        await RunOrThrowAsync("ceph-osd", ["-i", "0", "-c", ConfigFile], cancellationToken);
        await WaitUntilAsync("the OSD is up", IsOsdUpAsync, cancellationToken);

        await RunOrThrowAsync(
            "radosgw-admin",
            ["-c", ConfigFile, "user", "create", "--uid", UserId, "--display-name", "Itqan tests",
                "--access-key", AccessKey, "--secret-key", SecretKey],
            cancellationToken);
        await RunOrThrowAsync("radosgw", ["-n", "client.rgw.a", "-c", ConfigFile], cancellationToken);
        using var http = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilAsync("the gateway answers HTTP", ct => AnswersAsync(http, ct), cancellationToken);
    }

    private string Config(string fsid, string monitorAddress)
    {
        // The gateway's ms mon client mode defaults to secure, which cannot work with auth none: it hangs for 300 s,
        // then fails; hence crc. Ceph's messenger takes the first free port of this range for each of the OSD's four addresses. It lies below
        // the kernel's ephemeral range, where FreeTcpPort's ports come from.
        var messengerPortMin = Random.Shared.Next(20_000, 32_000);
        return $"""
            [global]
            fsid = {fsid}
            mon host = {monitorAddress}
            public addr = 127.0.0.1
            auth cluster required = none
            auth service required = none
            auth client required = none
            keyring = /dev/null
            run dir = {Folder}/run
            admin socket = {Folder}/run/$name.asok
            pid file = {Folder}/run/$name.pid
            log file = {Folder}/$name.log
            mon cluster log file = {Folder}/cluster.log
            crash dir = {Folder}/crash
            osd pool default size = 1
            osd pool default min size = 1
            osd pool default pg num = 8
            mon allow pool size one = true
            osd crush chooseleaf type = 0
            ms bind port min = {messengerPortMin}
            ms bind port max = {messengerPortMin + MessengerPortRangeSize}

            [mon.a]
            mon data = {Folder}/mon

            [osd.0]
            osd data = {Folder}/osd
            osd objectstore = memstore
            memstore device bytes = {1L << 30}

            [client.rgw.a]
            rgw frontends = beast endpoint={Endpoint.Host}:{Endpoint.Port}
            rgw data = {Folder}/rgw
            ms mon client mode = crc

            """;
    }

    private async Task<bool> IsOsdUpAsync(CancellationToken cancellationToken)
    {
        var outcome = await RunAsync("ceph", ["-c", ConfigFile, "osd", "stat", "-f", "json"], cancellationToken);
        if (!outcome.Succeeded)
        {
            return false;
        }

        var json = outcome.Output.IndexOf('{', StringComparison.Ordinal);
        if (json < 0)
        {
            return false;
        }

        using var stat = JsonDocument.Parse(outcome.Output[json..]);
        return stat.RootElement.GetProperty("num_up_osds").GetInt32() == 1;
    }

    private static async Task<bool> AnswersAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(string what, Func<CancellationToken, Task<bool>> done, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done(cancellationToken))
        {
            if (deadline.Elapsed > ReadyTimeout)
            {
                throw await FailureAsync($"Waited {ReadyTimeout.TotalSeconds:0} s in vain until {what}.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task RunOrThrowAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ProcessRunner.Outcome outcome;
        try
        {
            outcome = await RunAsync(fileName, arguments, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw await FailureAsync(e.Message);
        }

        if (!outcome.Succeeded)
        {
            throw await FailureAsync($"'{fileName} {string.Join(' ', arguments)}' failed (exit {outcome.ExitCode}):\n{Tail(outcome.Output.Split('\n'))}");
        }
    }

    private async Task<ProcessRunner.Outcome> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessRunner.RunAsync(fileName, arguments, Folder, CommandTimeout, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Cannot run '{fileName}': {e.Message}. The S3 tests need Ceph's monitor, OSD, RADOS Gateway and command " +
                "line tools (Debian: apt-get install --no-install-recommends ceph-mon ceph-osd radosgw ceph-common; or run " +
                "scripts/install-deps.sh).",
                e);
        }
    }

    /// <summary>What went wrong, with the tail of every daemon's log.</summary>
    private async Task<GatewayStartException> FailureAsync(string message)
    {
        var report = new StringBuilder(message).AppendLine().Append("Ceph cluster in ").AppendLine(Folder);
        var portTaken = false;
        foreach (var log in Directory.EnumerateFiles(Folder, "*.log").Order(StringComparer.Ordinal))
        {
            var lines = await File.ReadAllLinesAsync(log);
            portTaken |= lines.Any(line => line.Contains("Address already in use", StringComparison.Ordinal));
            report.AppendLine(CultureInfo.InvariantCulture, $"--- last lines of {Path.GetFileName(log)} ---");
            report.AppendLine(Tail(lines));
        }

        return new GatewayStartException(report.ToString(), portTaken || message.Contains("Address already in use", StringComparison.Ordinal));
    }

    private static string Tail(IEnumerable<string> lines) => string.Join('\n', lines.TakeLast(LogTailLines));

    private static string RandomToken(int length) =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes((length + 1) / 2))[..length];

    private sealed class GatewayStartException(string message, bool portTaken) : Exception(message)
    {
        public bool PortTaken { get; } = portTaken;
    }
}

/// <summary>Releases a semaphore when disposed.</summary>
internal readonly struct SemaphoreRelease(SemaphoreSlim semaphore) : IDisposable
{
    public void Dispose() => semaphore.Release();
}
