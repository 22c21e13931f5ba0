using System.Linq.Expressions;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

/// <summary>Sessions of a Quran circle, recorded with the speaker layout: its teacher and its student(s) take part.</summary>
public sealed class QuranKind : SessionKindDefinition<QuranSession>
{
    public override SessionKind Kind => SessionKind.Quran;

    public override KindRecordingOptions NewRecordingDefaults() => new() { Layout = "speaker" };

    protected override void Configure(EntityTypeBuilder<QuranSession> session, ModelBuilder modelBuilder) =>
        session.HasOne(s => s.Circle).WithMany().HasForeignKey(s => s.CircleId).OnDelete(DeleteBehavior.Restrict);

    protected override IQueryable<QuranSession> IncludeRuleData(IQueryable<QuranSession> sessions) =>
        sessions
            .Include(s => s.Circle).ThenInclude(c => c.Students)
            .Include(s => s.Circle).ThenInclude(c => c.Teacher);

    protected override Expression<Func<QuranSession, bool>> TakesPartAs(Guid userId) =>
        s => s.Circle.TeacherId == userId || s.Circle.StudentId == userId || s.Circle.Students.Any(m => m.StudentId == userId);

    protected override IQueryable<SessionStudent> StudentsOf(IQueryable<QuranSession> sessions) =>
        sessions.Where(s => s.Circle.Type == QuranCircleType.Individual && s.Circle.StudentId != null)
            .Select(s => new SessionStudent { SessionId = s.Id, StudentId = s.Circle.StudentId!.Value })
            .Concat(sessions.Where(s => s.Circle.Type == QuranCircleType.Group)
                .SelectMany(s => s.Circle.Students, (s, m) => new SessionStudent { SessionId = s.Id, StudentId = m.StudentId }));
}
