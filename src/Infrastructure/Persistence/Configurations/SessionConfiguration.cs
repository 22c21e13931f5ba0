using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

/// <summary>
/// All session kinds share the <c>sessions</c> table, told apart by <c>kind</c>; each kind's definition
/// (<see cref="SessionKinds.ISessionKindDefinition"/>) adds its discriminator value and its own columns.
/// </summary>
public sealed class SessionConfiguration : IEntityTypeConfiguration<LiveSession>
{
    /// <summary>The discriminator column.</summary>
    public const string KindColumn = "kind";

    public void Configure(EntityTypeBuilder<LiveSession> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasDiscriminator<string>(KindColumn);
        builder.Property(KindColumn).HasMaxLength(SessionKind.MaxNameLength);
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.MeetingRoomName).HasMaxLength(256);
        builder.Property(s => s.Status).HasConversion(new LowerCaseEnumConverter<SessionStatus>()).HasMaxLength(16);
        builder.Ignore(s => s.Kind);
        builder.Ignore(s => s.IsRecordingEnabled);
        builder.Ignore(s => s.TeacherId);
        builder.Ignore(s => s.ParentId);
        builder.HasOne(s => s.Academy).WithMany().HasForeignKey(s => s.AcademyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.AcademyId, s.ScheduledAt });
        // LiveKit's participant webhooks name the room, not the session.
        builder.HasIndex(s => s.MeetingRoomName);
    }
}
