using System.Linq.Expressions;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

/// <summary>Numbered sessions of an interactive course, recorded with the grid layout: its teacher and enrolled students take part.</summary>
public sealed class InteractiveKind : SessionKindDefinition<InteractiveCourseSession>
{
    public override SessionKind Kind => SessionKind.Interactive;

    protected override void Configure(EntityTypeBuilder<InteractiveCourseSession> session, ModelBuilder modelBuilder) =>
        session.HasOne(s => s.Course).WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);

    protected override IQueryable<InteractiveCourseSession> IncludeRuleData(IQueryable<InteractiveCourseSession> sessions) =>
        sessions
            .Include(s => s.Course).ThenInclude(c => c.Enrollments)
            .Include(s => s.Course).ThenInclude(c => c.Teacher);

    protected override Expression<Func<InteractiveCourseSession, bool>> TakesPartAs(Guid userId) =>
        s => s.Course.TeacherId == userId || s.Course.Enrollments.Any(e => e.StudentId == userId);

    protected override IQueryable<SessionStudent> StudentsOf(IQueryable<InteractiveCourseSession> sessions) =>
        sessions.SelectMany(s => s.Course.Enrollments, (s, e) => new SessionStudent { SessionId = s.Id, StudentId = e.StudentId });
}
