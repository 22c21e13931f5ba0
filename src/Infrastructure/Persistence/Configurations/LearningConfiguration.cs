using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

public sealed class AttendanceIntervalConfiguration : IEntityTypeConfiguration<AttendanceInterval>
{
    public void Configure(EntityTypeBuilder<AttendanceInterval> builder)
    {
        builder.ToTable("attendance_intervals");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ParticipantSid).HasMaxLength(64);
        builder.Property(i => i.Identity).HasMaxLength(256);
        builder.Property(i => i.Name).HasMaxLength(256);
        // A stay is its connection: LiveKit's participant SID, one a join.
        builder.HasIndex(i => i.ParticipantSid).IsUnique();
        builder.HasIndex(i => i.SessionId);
    }
}

public sealed class RecordingMarkConfiguration : IEntityTypeConfiguration<RecordingMark>
{
    public void Configure(EntityTypeBuilder<RecordingMark> builder)
    {
        builder.ToTable("recording_marks");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion(new LowerCaseEnumConverter<RecordingMarkKind>()).HasMaxLength(16);
        builder.Property(m => m.Label).HasMaxLength(RecordingMark.MaxLabelLength);
        builder.HasOne<Recording>().WithMany().HasForeignKey(m => m.RecordingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.RecordingId, m.AtSeconds });
    }
}

/// <summary>
/// One transcript a recording and language. The full-text index (<c>to_tsvector('simple', searchable_text)</c>, GIN)
/// is the migration's own SQL, and <see cref="TranscriptSearch"/> queries by the same expression.
/// </summary>
public sealed class RecordingTranscriptConfiguration : IEntityTypeConfiguration<RecordingTranscript>
{
    public void Configure(EntityTypeBuilder<RecordingTranscript> builder)
    {
        builder.ToTable("recording_transcripts");
        builder.HasKey(t => new { t.RecordingId, t.Language });
        builder.Property(t => t.Language).HasConversion(new LowerCaseEnumConverter<TranscriptLanguage>()).HasMaxLength(8);
        builder.Property(t => t.WebVtt).HasMaxLength(RecordingTranscript.MaxLength);
        builder.HasOne<Recording>().WithMany().HasForeignKey(t => t.RecordingId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The table also holds <c>watched</c>, an <c>int4multirange</c> of the seconds seen, which only
/// <see cref="Jobs.WatchProgressFlusher"/>'s statement reads and writes (migration AttendanceAndWatchProgress).
/// </summary>
public sealed class WatchProgressConfiguration : IEntityTypeConfiguration<WatchProgress>
{
    public void Configure(EntityTypeBuilder<WatchProgress> builder)
    {
        builder.ToTable("watch_progress");
        builder.HasKey(p => new { p.RecordingId, p.UserId });
        builder.HasOne<Recording>().WithMany().HasForeignKey(p => p.RecordingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.UserId);
    }
}
