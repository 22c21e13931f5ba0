using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ItqanRecording.TestSupport;

/// <summary>
/// A throw-away PostgreSQL cluster made with the PostgreSQL binaries installed on this machine: <c>initdb</c> into a
/// fresh temp folder, <c>pg_ctl start</c> on a free loopback port. When the tests run as root (CI), initdb refuses
/// to run, so the cluster belongs to the <c>postgres</c> OS user and lives under /tmp, which that user can reach.
/// </summary>
/// <remarks>
/// The cluster is removed on <see cref="DisposeAsync"/>, by <see cref="StopNow"/> at process exit, and — should the
/// test process be killed outright — by a small watchdog shell that waits for this process to disappear. Clusters
/// left over by a process that died anyway are reaped by the next start.
/// </remarks>
internal sealed class LocalPostgresCluster : IPostgresBackend
{
    private const string DirectoryPrefix = "itqan-pg-";
    private const string PostgresUser = "postgres";
    private const int StartAttempts = 5;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Defines <c>reap DIR</c>: stop the postmaster whose pid is in DIR/data/postmaster.pid with SIGQUIT (PostgreSQL's
    /// immediate shutdown), wait until it has removed its pid file, delete DIR. The /proc check keeps a stale pid file
    /// from hitting an unrelated process that reused the pid.
    /// </summary>
    private const string ReapFunction = """
        reap() {
          pidfile="$1/data/postmaster.pid"
          if [ -f "$pidfile" ]; then
            pg=$(head -n 1 "$pidfile")
            if [ -n "$pg" ] && [ "$(cat "/proc/$pg/comm" 2>/dev/null)" = postgres ] && kill -QUIT "$pg" 2>/dev/null; then
              i=0
              while [ -f "$pidfile" ] && kill -0 "$pg" 2>/dev/null && [ "$i" -lt 150 ]; do sleep 0.1; i=$((i+1)); done
            fi
          fi
          rm -rf "$1"
        }
        """;

    private readonly OwnedFolder _folder;
    private readonly string? _binDirectory;
    private readonly bool _runAsPostgresUser;

    private LocalPostgresCluster(OwnedFolder folder, string? binDirectory, bool runAsPostgresUser)
    {
        _folder = folder;
        _binDirectory = binDirectory;
        _runAsPostgresUser = runAsPostgresUser;
    }

    public string Description => $"local cluster in {Root} (binaries: {_binDirectory ?? "PATH"})";

    public NpgsqlConnectionStringBuilder AdminConnection { get; private set; } = new();

    private string Root => _folder.Path;

    private string DataDirectory => Path.Combine(Root, "data");

    private string LogFile => Path.Combine(Root, "postgres.log");

    public static async Task<LocalPostgresCluster> StartAsync(CancellationToken cancellationToken)
    {
        var runAsPostgresUser = Environment.UserName == "root";
        // The postgres user must be able to reach the folder; /tmp is always traversable, a root TMPDIR may not be.
        var baseDirectory = runAsPostgresUser ? "/tmp" : Path.GetTempPath();
        var folder = await OwnedFolder.CreateAsync(baseDirectory, DirectoryPrefix, ReapFunction, cancellationToken);
        var cluster = new LocalPostgresCluster(folder, await FindBinDirectoryAsync(cancellationToken), runAsPostgresUser);
        try
        {
            await cluster.InitializeAsync(cancellationToken);
            await cluster.StartOnFreePortAsync(cancellationToken);
            folder.StartWatchdog();
            return cluster;
        }
        catch
        {
            cluster.StopNow();
            throw;
        }
    }

    public void StopNow() => _folder.StopNow();

    public ValueTask DisposeAsync() => _folder.DisposeAsync();

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_runAsPostgresUser)
        {
            await RunOrThrowAsync("chown", [$"{PostgresUser}:", Root], cancellationToken);
        }

        // C locale: the same on every machine, whatever locales are installed.
        await RunToolOrThrowAsync(
            "initdb",
            ["-D", DataDirectory, "-A", "trust", "-U", PostgresUser, "--no-sync", "-E", "UTF8", "--locale=C"],
            cancellationToken);

        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{Root}'",
        };
        settings.AddRange(PostgresSettings.ForTests);
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings, cancellationToken);
    }

    private async Task StartOnFreePortAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Next();
            var logLengthBefore = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
            var outcome = await RunToolAsync(
                "pg_ctl",
                ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "90", "-o", $"-p {port}"],
                cancellationToken);
            if (outcome.Succeeded)
            {
                AdminConnection = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = PostgresUser,
                    Database = "postgres",
                };
                return;
            }

            var log = await ReadLogSinceAsync(logLengthBefore, cancellationToken);
            var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("could not create any TCP/IP sockets", StringComparison.OrdinalIgnoreCase);
            if (!portTaken || attempt == StartAttempts)
            {
                throw new InvalidOperationException(
                    $"pg_ctl start failed (exit {outcome.ExitCode}) in {Root}:\n{outcome.Output}\nServer log:\n{log}");
            }
        }
    }

    private async Task<string> ReadLogSinceAsync(long offset, CancellationToken cancellationToken)
    {
        if (!File.Exists(LogFile))
        {
            return "(no server log)";
        }

        await using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private async Task RunToolOrThrowAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var outcome = await RunToolAsync(tool, arguments, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"{tool} failed (exit {outcome.ExitCode}):\n{outcome.Output}");
        }
    }

    /// <summary>Runs a PostgreSQL program, as the postgres OS user when this process is root.</summary>
    private Task<ProcessRunner.Outcome> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = _binDirectory is null ? tool : Path.Combine(_binDirectory, tool);
        return _runAsPostgresUser
            ? RunAsync("runuser", ["-u", PostgresUser, "--", executable, .. arguments], cancellationToken)
            : RunAsync(executable, arguments, cancellationToken);
    }

    private async Task RunOrThrowAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(fileName, arguments, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"{fileName} failed (exit {outcome.ExitCode}):\n{outcome.Output}");
        }
    }

    private async Task<ProcessRunner.Outcome> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessRunner.RunAsync(fileName, arguments, Root, CommandTimeout, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Cannot run '{fileName}': {e.Message}. A local test PostgreSQL needs the PostgreSQL server binaries " +
                "(Debian: apt-get install postgresql; or run scripts/install-deps.sh), and when running as root also " +
                "'runuser' and the 'postgres' OS user. Alternatively make a Docker engine reachable.",
                e);
        }
    }

    /// <summary>
    /// Where initdb and pg_ctl live: $ITQAN_PG_BINDIR, then PostgreSQL 15 (the version the container image and
    /// production use), then whatever <c>pg_config --bindir</c> names, then the newest /usr/lib/postgresql/*/bin;
    /// null means "search PATH".
    /// </summary>
    private static async Task<string?> FindBinDirectoryAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("ITQAN_PG_BINDIR"),
            "/usr/lib/postgresql/15/bin",
            await PgConfigBinDirectoryAsync(cancellationToken),
        };
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(directory => (Directory: directory, Version: int.TryParse(Path.GetFileName(directory), out var v) ? v : -1))
                .OrderByDescending(entry => entry.Version)
                .Select(entry => Path.Combine(entry.Directory, "bin")));
        }

        return candidates.FirstOrDefault(directory =>
            !string.IsNullOrWhiteSpace(directory)
            && File.Exists(Path.Combine(directory, "initdb"))
            && File.Exists(Path.Combine(directory, "pg_ctl")));
    }

    private static async Task<string?> PgConfigBinDirectoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ProcessRunner.RunAsync("pg_config", ["--bindir"], null, TimeSpan.FromSeconds(10), cancellationToken);
            return outcome.Succeeded ? outcome.Output.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
