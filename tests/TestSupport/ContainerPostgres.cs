using Npgsql;
using Testcontainers.PostgreSql;

namespace ItqanRecording.TestSupport;

/// <summary>PostgreSQL in a Docker container started through Testcontainers.</summary>
internal sealed class ContainerPostgres : IPostgresBackend
{
    public const string Image = "postgres:15-alpine";

    private readonly PostgreSqlContainer _container;

    private ContainerPostgres(PostgreSqlContainer container)
    {
        _container = container;
        AdminConnection = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" };
    }

    public string Description => $"container {Image}";

    public NpgsqlConnectionStringBuilder AdminConnection { get; }

    /// <summary>Starts the container; throws when no Docker engine is reachable or the container cannot start.</summary>
    public static async Task<ContainerPostgres> StartAsync(CancellationToken cancellationToken)
    {
        var command = PostgresSettings.ForTests.SelectMany(setting => new[] { "-c", setting }).ToArray();
        var container = new PostgreSqlBuilder(Image).WithCommand(command).Build();
        try
        {
            await container.StartAsync(cancellationToken);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }

        return new ContainerPostgres(container);
    }

    public void StopNow() => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
