using System.Linq.Expressions;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Api.Tests.SessionKinds;

/// <summary>
/// The workshop kind's registration: its name, its defaults (the single-speaker layout at 1080p, at most an hour),
/// its mapping (a <c>workshop_id</c> column on <c>sessions</c> and its own <c>workshops</c> table), its includes and
/// who takes part. <c>services.AddSessionKind&lt;WorkshopKind&gt;()</c> makes it known to the service.
/// </summary>
public sealed class WorkshopKind : SessionKindDefinition<WorkshopSession>
{
    public static readonly SessionKind Workshop = new("workshop");

    public override SessionKind Kind => Workshop;

    public override TimeSpan DefaultMaxDuration => TimeSpan.FromHours(1);

    public override KindRecordingOptions NewRecordingDefaults() => new() { Layout = "single-speaker", EncodingPreset = "H264_1080P_30" };

    protected override void Configure(EntityTypeBuilder<WorkshopSession> session, ModelBuilder modelBuilder)
    {
        session.HasOne(s => s.Workshop).WithMany().HasForeignKey(s => s.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<Workshop>(workshop =>
        {
            workshop.ToTable("workshops");
            workshop.HasKey(w => w.Id);
            workshop.Property(w => w.Id).ValueGeneratedNever();
            workshop.Property(w => w.Topic).HasMaxLength(300);
        });
    }

    protected override IQueryable<WorkshopSession> IncludeRuleData(IQueryable<WorkshopSession> sessions) =>
        sessions.Include(s => s.Workshop);

    protected override Expression<Func<WorkshopSession, bool>> TakesPartAs(Guid userId) =>
        s => s.Workshop.HostId == userId || s.Workshop.GuestId == userId;

    protected override IQueryable<SessionStudent> StudentsOf(IQueryable<WorkshopSession> sessions) =>
        sessions.Select(s => new SessionStudent { SessionId = s.Id, StudentId = s.Workshop.GuestId });
}
