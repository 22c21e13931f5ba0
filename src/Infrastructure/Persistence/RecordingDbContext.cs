using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Domain.Academic;
using Itqan.Recording.Domain.Academies;
using Itqan.Recording.Domain.Courses;
using Itqan.Recording.Domain.Quran;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>ASP.NET Core's data-protection keys, shared so every API instance reads every cookie and token.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>PostgreSQL with snake_case names: the one setup for the API, tests and design-time tools.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RecordingDbContext).Assembly);
    }
}
