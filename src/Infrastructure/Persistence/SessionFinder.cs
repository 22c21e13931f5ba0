using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Infrastructure.Persistence;

/// <summary>
/// Loads sessions of every kind with what their rules read. A new kind adds its includes and its line of the
/// "who takes part" pre-filter here.
/// </summary>
public sealed class SessionFinder(RecordingDbContext db) : ISessionFinder
{
    public Task<LiveSession?> FindAsync(Guid sessionId, CancellationToken cancellationToken) =>
        WithRuleData().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    public async Task<IReadOnlyList<LiveSession>> ListForActorAsync(
        Actor actor, DateTimeOffset from, int limit, CancellationToken cancellationToken)
    {
        var user = actor.UserId;
        var isAdmin = actor.Role == UserRole.Admin;
        return await WithRuleData()
            .Where(s => s.AcademyId == actor.AcademyId && s.ScheduledAt >= from)
            .Where(s => isAdmin
                || (s is InteractiveCourseSession
                    && (((InteractiveCourseSession)s).Course.TeacherId == user
                        || ((InteractiveCourseSession)s).Course.Enrollments.Any(e => e.StudentId == user)))
                || (s is QuranSession
                    && (((QuranSession)s).Circle.TeacherId == user
                        || ((QuranSession)s).Circle.StudentId == user
                        || ((QuranSession)s).Circle.Students.Any(m => m.StudentId == user)))
                || (s is AcademicSession
                    && (((AcademicSession)s).Lesson.TeacherId == user || ((AcademicSession)s).Lesson.StudentId == user)))
            .OrderBy(s => s.ScheduledAt)
            .ThenBy(s => s.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    private IQueryable<LiveSession> WithRuleData() =>
        db.Sessions
            .AsNoTrackingWithIdentityResolution()
            .AsSplitQuery()
            .Include(s => ((InteractiveCourseSession)s).Course).ThenInclude(c => c.Enrollments)
            .Include(s => s.Academy).ThenInclude(a => a.RecordingOverrides)
            .Include(s => ((InteractiveCourseSession)s).Course).ThenInclude(c => c.Teacher)
            .Include(s => ((QuranSession)s).Circle).ThenInclude(c => c.Students)
            .Include(s => ((QuranSession)s).Circle).ThenInclude(c => c.Teacher)
            .Include(s => ((AcademicSession)s).Lesson).ThenInclude(l => l.Teacher);
}
