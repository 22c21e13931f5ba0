namespace ItqanRecording.TestSupport;

internal static class PostgresSettings
{
    /// <summary>
    /// Server settings for a throw-away test server: durability traded for speed, and enough connections for
    /// several test classes that each keep a connection pool.
    /// </summary>
    public static readonly IReadOnlyList<string> ForTests =
    [
        "fsync=off",
        "synchronous_commit=off",
        "full_page_writes=off",
        "max_connections=300",
    ];
}
