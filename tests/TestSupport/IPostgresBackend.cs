using Npgsql;

namespace ItqanRecording.TestSupport;

/// <summary>One running PostgreSQL server: a container or a local throw-away cluster.</summary>
internal interface IPostgresBackend : IAsyncDisposable
{
    /// <summary>"container" or "local cluster", for diagnostics.</summary>
    string Description { get; }

    /// <summary>Connection settings of the superuser on the maintenance database <c>postgres</c>.</summary>
    NpgsqlConnectionStringBuilder AdminConnection { get; }

    /// <summary>Stops the server without awaiting anything; used while the process exits.</summary>
    void StopNow();
}
