using System.Data.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Academic;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Courses;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using ItqanRecording.Infrastructure.Persistence.Configurations;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace ItqanRecording.Infrastructure.Persistence;

public sealed class RecordingDbContext(DbContextOptions<RecordingDbContext> options) : DbContext(options), IApplicationDbContext, IDataProtectionKeyContext
{
    private readonly SessionKindsOptionsExtension _sessionKinds = options.FindExtension<SessionKindsOptionsExtension>()
        ?? throw new InvalidOperationException($"Configure the context with {nameof(RecordingDbContext)}.{nameof(Configure)}, which names the session kinds.");

    /// <summary>Which kinds this context's model holds; see <see cref="SessionKindsModelCacheKeyFactory"/>.</summary>
    internal string SessionKindsModelKey => _sessionKinds.ModelKey;

    public DbSet<Recording> Recordings => Set<Recording>();

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

    public DbSet<MediaJob> MediaJobs => Set<MediaJob>();

    public DbSet<AttendanceInterval> AttendanceIntervals => Set<AttendanceInterval>();

    public DbSet<WatchProgress> WatchProgress => Set<WatchProgress>();

    public DbSet<RecordingMark> RecordingMarks => Set<RecordingMark>();

    public DbSet<RecordingTranscript> RecordingTranscripts => Set<RecordingTranscript>();

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

        var action = StoredEnumName.Of(access.Action);
        var written = await Database.ExecuteSqlAsync(
            $"""
            INSERT INTO recording_audit_entries (id, recording_id, academy_id, at, action, user_id, details, access_day)
            VALUES ({access.Id}, {access.RecordingId}, {access.AcademyId}, {access.At}, {action}, {access.UserId}, {access.Details}, {day})
            ON CONFLICT (recording_id, user_id, action, access_day) WHERE access_day IS NOT NULL DO NOTHING
            """,
            cancellationToken);
        return written == 1;
    }

    /// <summary>
    /// PostgreSQL with snake_case names and the given session kinds in the <c>sessions</c> table: the one setup for the
    /// API, tests and design-time tools. The connection string is
    /// taken as given, without Npgsql's automatic preparation: with it, a statement that failed on a connection (a
    /// dropped connection, a refused parameter) left that connection's prepared statements out of step, and the next
    /// requests on it failed with "Received backend message DataRow while expecting ParseCompleteMessage"
    /// (npgsql/npgsql#6391; tests/Api.Tests/Reliability/DatabaseOutageTests). An operator may still set
    /// <c>Max Auto Prepare</c> in the connection string.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, IEnumerable<ISessionKindDefinition> sessionKinds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new SessionKindsOptionsExtension([.. sessionKinds]));
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, SessionKindsModelCacheKeyFactory>()
            .AddInterceptors(ForUpdateInterceptor.Instance);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RecordingDbContext).Assembly);
        foreach (var kind in _sessionKinds.Kinds)
        {
            kind.Configure(modelBuilder);
        }

        Configurations.RecordingConfiguration.MapFunctions(modelBuilder);
    }
}
