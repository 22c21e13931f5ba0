using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using ItqanRecording.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// Loads sessions of every kind with what their rules read. A new kind adds its includes (in
/// <see cref="WithRuleDataOf"/> and <see cref="WithRuleData"/>) and its line of the "who takes part" pre-filter here.
/// </summary>
public sealed class SessionFinder(RecordingDbContext db) : ISessionFinder
{
    /// <summary>
    /// Reads the session's kind first (one primary-key lookup), then loads it with that kind's includes only: two or
    /// three small statements instead of the five joins over every kind's tables (docs/performance.md, "Before/after: auto-prepare").
    /// </summary>
    public async Task<LiveSession?> FindAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var kind = await db.Sessions
            .Where(s => s.Id == sessionId)
            .Select(s => EF.Property<string>(s, SessionConfiguration.KindColumn))
            .SingleOrDefaultAsync(cancellationToken);
        return kind is null
            ? null
            : await WithRuleDataOf(kind).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

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

    /// <summary>Sessions of one kind with what that kind's rules read, and the academy's overrides every kind reads.</summary>
    private IQueryable<LiveSession> WithRuleDataOf(string kind)
    {
        IQueryable<LiveSession> sessions = kind switch
        {
            SessionConfiguration.InteractiveKind => db.Sessions.OfType<InteractiveCourseSession>()
                .Include(s => s.Course).ThenInclude(c => c.Enrollments)
                .Include(s => s.Course).ThenInclude(c => c.Teacher),
            SessionConfiguration.QuranKind => db.Sessions.OfType<QuranSession>()
                .Include(s => s.Circle).ThenInclude(c => c.Students)
                .Include(s => s.Circle).ThenInclude(c => c.Teacher),
            SessionConfiguration.AcademicKind => db.Sessions.OfType<AcademicSession>()
                .Include(s => s.Lesson).ThenInclude(l => l.Teacher),
            _ => throw new InvalidOperationException($"Session kind '{kind}' has no includes in {nameof(SessionFinder)}."),
        };
        return sessions
            .AsNoTrackingWithIdentityResolution()
            .AsSplitQuery()
            .Include(s => s.Academy).ThenInclude(a => a.RecordingOverrides);
    }

    /// <summary>Sessions of every kind, for lists that mix kinds.</summary>
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
