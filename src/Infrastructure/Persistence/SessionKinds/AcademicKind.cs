using System.Linq.Expressions;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

/// <summary>Sessions of a private academic lesson, recorded with the speaker layout: its teacher and student take part.</summary>
public sealed class AcademicKind : SessionKindDefinition<AcademicSession>
{
    public override SessionKind Kind => SessionKind.Academic;

    public override KindRecordingOptions NewRecordingDefaults() => new() { Layout = "speaker" };

    protected override void Configure(EntityTypeBuilder<AcademicSession> session, ModelBuilder modelBuilder) =>
        session.HasOne(s => s.Lesson).WithMany().HasForeignKey(s => s.LessonId).OnDelete(DeleteBehavior.Restrict);

    protected override IQueryable<AcademicSession> IncludeRuleData(IQueryable<AcademicSession> sessions) =>
        sessions.Include(s => s.Lesson).ThenInclude(l => l.Teacher);

    protected override Expression<Func<AcademicSession, bool>> TakesPartAs(Guid userId) =>
        s => s.Lesson.TeacherId == userId || s.Lesson.StudentId == userId;

    protected override IQueryable<SessionStudent> StudentsOf(IQueryable<AcademicSession> sessions) =>
        sessions.Select(s => new SessionStudent { SessionId = s.Id, StudentId = s.Lesson.StudentId });
}
