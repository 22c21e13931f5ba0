using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

/// <summary>All session kinds share the <c>sessions</c> table, told apart by <c>kind</c>.</summary>
public sealed class SessionConfiguration : IEntityTypeConfiguration<LiveSession>
{
    /// <summary>The discriminator column.</summary>
    public const string KindColumn = "kind";

    public const string InteractiveKind = "interactive";

    public const string QuranKind = "quran";

    public const string AcademicKind = "academic";

    public void Configure(EntityTypeBuilder<LiveSession> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasDiscriminator<string>(KindColumn)
            .HasValue<InteractiveCourseSession>(InteractiveKind)
            .HasValue<QuranSession>(QuranKind)
            .HasValue<AcademicSession>(AcademicKind);
        builder.Property(KindColumn).HasMaxLength(16);
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.MeetingRoomName).HasMaxLength(256);
        builder.Property(s => s.Status).HasConversion(new LowerCaseEnumConverter<SessionStatus>()).HasMaxLength(16);
        builder.Ignore(s => s.Kind);
        builder.Ignore(s => s.IsRecordingEnabled);
        builder.Ignore(s => s.TeacherId);
        builder.Ignore(s => s.ParentId);
        builder.Ignore(s => s.KindFolder);
        builder.HasOne(s => s.Academy).WithMany().HasForeignKey(s => s.AcademyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.AcademyId, s.ScheduledAt });
    }
}

public sealed class InteractiveCourseSessionConfiguration : IEntityTypeConfiguration<InteractiveCourseSession>
{
    public void Configure(EntityTypeBuilder<InteractiveCourseSession> builder)
    {
        builder.HasOne(s => s.Course).WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuranSessionConfiguration : IEntityTypeConfiguration<QuranSession>
{
    public void Configure(EntityTypeBuilder<QuranSession> builder)
    {
        builder.HasOne(s => s.Circle).WithMany().HasForeignKey(s => s.CircleId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AcademicSessionConfiguration : IEntityTypeConfiguration<AcademicSession>
{
    public void Configure(EntityTypeBuilder<AcademicSession> builder)
    {
        builder.HasOne(s => s.Lesson).WithMany().HasForeignKey(s => s.LessonId).OnDelete(DeleteBehavior.Restrict);
    }
}
