using System.Text.Json;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

public sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    /// <summary>The value of <c>status</c> for an active recording, used by the partial unique index.</summary>
    private const string ActiveStatusFilter = "status = 'recording'";

    /// <summary>
    /// <see cref="StoredJson.TextOf"/> in a query is the cast of the stored <c>jsonb</c> to <c>json</c> (written
    /// <c>json(metadata)</c>): its text, which PostgreSQL makes for any <c>jsonb</c> it sends, comes back as a string,
    /// not through the dictionary converter below. (<c>to_jsonb</c> would rebuild the value on every row.)
    /// </summary>
    public static void MapFunctions(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var jsonText = modelBuilder.HasDbFunction(typeof(StoredJson).GetMethod(nameof(StoredJson.TextOf))!)
            .HasName("json")
            .IsBuiltIn()
            .HasStoreType("json");
        jsonText.HasParameter("metadata").HasStoreType("jsonb").PropagatesNullability();
    }

    public void Configure(EntityTypeBuilder<Recording> builder)
    {
        builder.ToTable("recordings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SessionKind).HasConversion(new SessionKindConverter()).HasMaxLength(SessionKind.MaxNameLength);
        builder.Property(r => r.Status).HasConversion(new LowerCaseEnumConverter<RecordingStatus>()).HasMaxLength(16);
        builder.Property(r => r.Publication).HasConversion(new LowerCaseEnumConverter<RecordingPublication>()).HasMaxLength(16);
        // Ready notifications list the recordings that became watchable lately; a trigger (migration ReadyNotifications)
        // calls pg_notify('recording_available', id) when this moment is set, for every instance's open pages.
        builder.HasIndex(r => r.AvailableAt).HasFilter("available_at IS NOT NULL").HasDatabaseName("ix_recordings_available_at");
        builder.Property(r => r.StatusBeforeDeletion).HasConversion(new LowerCaseEnumConverter<RecordingStatus>()).HasMaxLength(16);
        builder.Property(r => r.EgressId).HasMaxLength(64);
        builder.Property(r => r.RoomName).HasMaxLength(256);
        builder.Property(r => r.DisplayName).HasMaxLength(512);
        builder.Property(r => r.ProcessingError).HasMaxLength(2000);
        builder.Property(r => r.Metadata)
            .HasColumnType("jsonb")
            .HasConversion(
                metadata => JsonSerializer.Serialize(metadata, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<Dictionary<string, object?>>(json, JsonSerializerOptions.Web)
                    ?? new Dictionary<string, object?>(),
                new ValueComparer<IReadOnlyDictionary<string, object?>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    metadata => JsonSerializer.Serialize(metadata, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    metadata => metadata));
        // A value object, so a complex type rather than an owned entity: same columns, and EF Core can sum its size
        // in a GROUP BY (over an owned entity it issues one correlated subquery per group).
        builder.ComplexProperty(r => r.File, file =>
        {
            file.Property(f => f.RelativePath).HasColumnName("file_path").HasMaxLength(1024);
            file.Property(f => f.SizeBytes).HasColumnName("file_size_bytes");
            file.Property(f => f.Format).HasColumnName("file_format")
                .HasConversion(new LowerCaseEnumConverter<RecordingFormat>()).HasMaxLength(8);
            file.Property(f => f.Store).HasColumnName("file_store")
                .HasConversion(new LowerCaseEnumConverter<StorageProvider>()).HasMaxLength(8);
        });

        builder.Property(r => r.Parts)
            .HasColumnName("parts")
            .HasColumnType("jsonb")
            .HasConversion(StoredRecordingParts.Converter, StoredRecordingParts.Comparer)
            .HasDefaultValueSql("'[]'::jsonb");
        builder.Ignore(r => r.StoredFiles);
        builder.Property(r => r.CurrentPartStartedAt);

        builder.Navigation(r => r.MediaJobs).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Optimistic concurrency on PostgreSQL's row version.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();

        // The database itself refuses a second active recording of a session and a second recording of an egress.
        builder.HasIndex(r => r.SessionId).IsUnique().HasFilter(ActiveStatusFilter).HasDatabaseName("ux_recordings_one_active_per_session");
        builder.HasIndex(r => r.EgressId).IsUnique();
        builder.HasIndex(r => new { r.SessionId, r.StartedAt });
        builder.HasIndex(r => new { r.AcademyId, r.StartedAt, r.Id });
        builder.HasIndex(r => new { r.AcademyId, r.TeacherId, r.StartedAt });
        builder.HasIndex(r => new { r.AcademyId, r.ParentId, r.StartedAt });

        // Two catalogue indexes EF Core cannot describe are made in raw SQL: a pg_trgm GIN index on lower(display_name)
        // for its text search (migration CatalogueTextSearch), and (academy_id, status, session_kind) including
        // file_size_bytes and duration for its statistics (migration CatalogueStatisticsIndex).
    }
}
