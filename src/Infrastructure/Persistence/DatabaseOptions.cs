namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations when the API starts (Database__MigrateOnStartup).</summary>
    public bool MigrateOnStartup { get; set; }
}

/// <summary>Section <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Load the demo academy, people, courses and sessions when they are missing (Seed__Demo).</summary>
    public bool Demo { get; set; }
}
