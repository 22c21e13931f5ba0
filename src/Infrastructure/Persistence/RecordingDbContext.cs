using System.Data.Common;
using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Recordings.GetRecordingCatalogueStatistics;
using Itqan.Recording.Domain.Academic;
using Itqan.Recording.Domain.Academies;
using Itqan.Recording.Domain.Courses;
using Itqan.Recording.Domain.Quran;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RecordingEntity = Itqan.Recording.Domain.Recordings.Recording;

namespace Itqan.Recording.Infrastructure.Persistence;

public sealed class RecordingDbContext(DbContextOptions<RecordingDbContext> options) : DbContext(options), IApplicationDbContext, IDataProtectionKeyContext
{
    public DbSet<RecordingEntity> Recordings => Set<RecordingEntity>();

    public DbSet<LiveSession> Sessions => Set<LiveSession>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Academy> Academies => Set<Academy>();

    public DbSet<QuranCircle> QuranCircles => Set<QuranCircle>();

    public DbSet<PrivateLesson> PrivateLessons => Set<PrivateLesson>();

    public DbSet<RecordingAuditEntry> RecordingAuditEntries => Set<RecordingAuditEntry>();

    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();

    public DbSet<PendingEgressEvent> PendingEgressEvents => Set<PendingEgressEvent>();

    public DbSet<EgressStartIntent> EgressStartIntents => Set<EgressStartIntent>();

    public DbSet<RecordingDailyTotal> RecordingDailyTotals => Set<RecordingDailyTotal>();

    /// <summary>ASP.NET Core's data-protection keys, shared so every API instance reads every cookie and token.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    public async Task<bool> AddFirstAccessOfTheDayAsync(RecordingAuditEntry access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.AccessDay is not { } day)
        {
            throw new ArgumentException("Only a stream or download entry has a first access of the day.", nameof(access));
        }

        var action = access.Action.ToString().ToLowerInvariant();
        var written = await Database.ExecuteSqlAsync(
            $"""
            INSERT INTO recording_audit_entries (id, recording_id, academy_id, at, action, user_id, details, access_day)
            VALUES ({access.Id}, {access.RecordingId}, {access.AcademyId}, {access.At}, {action}, {access.UserId}, {access.Details}, {day})
            ON CONFLICT (recording_id, user_id, action, access_day) WHERE access_day IS NOT NULL DO NOTHING
            """,
            cancellationToken);
        return written == 1;
    }

    /// <summary>PostgreSQL with snake_case names: the one setup for the API, tests and design-time tools.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(ForUpdateInterceptor.Instance);
    }

    /// <summary>Statements Npgsql prepares per physical connection unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>How often a statement runs on a connection before Npgsql prepares it, unless the connection string says.</summary>
    public const int DefaultAutoPrepareMinUsages = 2;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, so PostgreSQL plans the statements every request
    /// runs (the session loader, the access checks) once per connection instead of on every request
    /// (docs/performance.md, "Before/after: auto-prepare"). A <c>Max Auto Prepare</c> or <c>Auto Prepare Min Usages</c> the operator set,
    /// including 0 to turn preparation off, is kept.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
        }

        return builder.ConnectionString;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RecordingDbContext).Assembly);
        Configurations.RecordingConfiguration.MapFunctions(modelBuilder);
    }
}
