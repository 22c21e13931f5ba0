using System.Text;
using Npgsql;

namespace ItqanRecording.TestSupport;

/// <summary>
/// One throw-away PostgreSQL server per test process, handing out fresh empty databases.
/// </summary>
/// <remarks>
/// <para>
/// The server is a <c>postgres:15-alpine</c> container (Testcontainers) when a Docker engine is reachable, otherwise a
/// local cluster made with the installed PostgreSQL binaries (see <see cref="LocalPostgresCluster"/>). Set
/// <c>ITQAN_TEST_POSTGRES=docker</c> or <c>=local</c> to force one of them.
/// </para>
/// <para>
/// Use <see cref="Shared"/> from fixtures; it starts on first use and stops when the test process exits, so fixtures
/// must not dispose it. Each test assembly runs in its own process and therefore gets its own server and port.
/// </para>
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable that picks the server kind: <c>docker</c>, <c>local</c>, or unset for automatic.</summary>
    public const string ModeVariable = "ITQAN_TEST_POSTGRES";

    private const int MaxPrefixLength = 40;

    private static readonly Lazy<PostgresServer> SharedInstance = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPostgresBackend? _backend;
    private bool _disposed;

    /// <summary>The server shared by every fixture in this test process. Do not dispose it.</summary>
    public static PostgresServer Shared => SharedInstance.Value;

    /// <summary>What kind of server runs and where, for diagnostics; "not started" before the first use.</summary>
    public string Description => Volatile.Read(ref _backend)?.Description ?? "not started";

    /// <summary>Starts the server unless it already runs. Optional: <see cref="CreateDatabaseAsync"/> starts it too.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default) => await GetBackendAsync(cancellationToken);

    /// <summary>Creates an empty database with a unique name that starts with <paramref name="namePrefix"/>.</summary>
    /// <returns>An Npgsql connection string for the new database, with <c>Include Error Detail</c> on.</returns>
    public async Task<string> CreateDatabaseAsync(string namePrefix, CancellationToken cancellationToken = default)
    {
        var backend = await GetBackendAsync(cancellationToken);
        var name = UniqueDatabaseName(namePrefix);
        await ExecuteAsAdminAsync(backend, $"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(backend.AdminConnection.ConnectionString)
        {
            Database = name,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its pooled and open connections.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(name) || !name.All(IsNameCharacter))
        {
            throw new ArgumentException($"'{name}' is not a database made by {nameof(CreateDatabaseAsync)}.", nameof(connectionString));
        }

        var backend = await GetBackendAsync(cancellationToken);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsAdminAsync(backend, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Stops the server and deletes its data. Not for <see cref="Shared"/>, which stops at process exit.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_backend is not null)
            {
                AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
                NpgsqlConnection.ClearAllPools();
                await _backend.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IPostgresBackend> GetBackendAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _backend) is { } running)
        {
            return running;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_backend is null)
            {
                var backend = await StartBackendAsync(cancellationToken);
                AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
                Volatile.Write(ref _backend, backend);
            }

            return _backend;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<IPostgresBackend> StartBackendAsync(CancellationToken cancellationToken)
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable)?.Trim();
        switch (mode?.ToUpperInvariant())
        {
            case "DOCKER":
                return await ContainerPostgres.StartAsync(cancellationToken);
            case "LOCAL":
                return await LocalPostgresCluster.StartAsync(cancellationToken);
            case null or "" or "AUTO":
                try
                {
                    return await ContainerPostgres.StartAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // No Docker engine (or it cannot run the image): use the local PostgreSQL binaries instead.
                    return await LocalPostgresCluster.StartAsync(cancellationToken);
                }

            default:
                throw new InvalidOperationException($"{ModeVariable} must be 'docker', 'local' or unset, not '{mode}'.");
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            Volatile.Read(ref _backend)?.StopNow();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"Stopping the test PostgreSQL failed: {exception.Message}");
        }
    }

    private static async Task ExecuteAsAdminAsync(IPostgresBackend backend, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(backend.AdminConnection.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Lower-case letters, digits and underscores only, so the name needs no escaping beyond double quotes, and short
    /// enough for PostgreSQL's 63-byte identifier limit.
    /// </summary>
    private static string UniqueDatabaseName(string namePrefix)
    {
        var prefix = new StringBuilder();
        foreach (var character in namePrefix.ToLowerInvariant())
        {
            prefix.Append(IsNameCharacter(character) ? character : '_');
            if (prefix.Length == MaxPrefixLength)
            {
                break;
            }
        }

        if (prefix.Length == 0 || !char.IsAsciiLetterLower(prefix[0]))
        {
            prefix.Insert(0, "db_");
        }

        return $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
    }

    private static bool IsNameCharacter(char character) =>
        char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '_';
}
