using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

public sealed class MediaJobConfiguration : IEntityTypeConfiguration<MediaJob>
{
    public void Configure(EntityTypeBuilder<MediaJob> builder)
    {
        builder.ToTable("media_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Task).HasConversion(new LowerCaseEnumConverter<MediaTask>()).HasMaxLength(32);
        builder.Property(j => j.State).HasConversion(new LowerCaseEnumConverter<MediaJobState>()).HasMaxLength(16);
        builder.Property(j => j.LastError).HasMaxLength(MediaJob.MaxErrorLength);
        // An instance whose lease ran out while it worked finds, at its save, that another claimed the job meanwhile.
        builder.Property(j => j.Attempts).IsConcurrencyToken();
        builder.HasOne<Recording>().WithMany(r => r.MediaJobs).HasForeignKey(j => j.RecordingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.RecordingId, j.Task }).IsUnique();
        // The claim's look-up: jobs that are queued or running, by when they are due.
        builder.HasIndex(j => j.NextAttemptAt).HasFilter("state IN ('queued', 'running')").HasDatabaseName("ix_media_jobs_due");
    }
}
