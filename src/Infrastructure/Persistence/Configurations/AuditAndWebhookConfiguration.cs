using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

public sealed class RecordingAuditEntryConfiguration : IEntityTypeConfiguration<RecordingAuditEntry>
{
    public void Configure(EntityTypeBuilder<RecordingAuditEntry> builder)
    {
        builder.ToTable("recording_audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasConversion(new LowerCaseEnumConverter<RecordingAuditAction>()).HasMaxLength(16);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.HasOne<Recording>().WithMany().HasForeignKey(e => e.RecordingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.RecordingId, e.At });

        // One stream and one download entry per user, recording and day.
        builder.HasIndex(e => new { e.RecordingId, e.UserId, e.Action, e.AccessDay })
            .IsUnique()
            .HasFilter("access_day IS NOT NULL")
            .HasDatabaseName("ux_recording_audit_entries_first_access_per_day");
    }
}

public sealed class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> builder)
    {
        builder.ToTable("processed_webhook_events");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).HasMaxLength(128);
        builder.Property(e => e.EventName).HasMaxLength(64);
        builder.Property(e => e.EgressId).HasMaxLength(64);
        builder.HasIndex(e => e.ProcessedAt);
    }
}

public sealed class PendingEgressEventConfiguration : IEntityTypeConfiguration<PendingEgressEvent>
{
    public void Configure(EntityTypeBuilder<PendingEgressEvent> builder)
    {
        builder.ToTable("pending_egress_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.EgressId).HasMaxLength(64);
        builder.Property(e => e.EventId).HasMaxLength(128);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.EventName).HasMaxLength(64);
        builder.Property(e => e.EgressJson).HasColumnType("jsonb");
        builder.HasIndex(e => e.EgressId).HasFilter("applied_at IS NULL");
    }
}
