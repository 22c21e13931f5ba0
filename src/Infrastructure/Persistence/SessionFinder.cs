using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Infrastructure.Persistence;

/// <summary>Loads sessions of every kind with what their rules read. A new kind adds its includes here.</summary>
public sealed class SessionFinder(RecordingDbContext db) : ISessionFinder
{
    public Task<LiveSession?> FindAsync(Guid sessionId, CancellationToken cancellationToken) =>
        WithRuleData().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    public async Task<IReadOnlyList<LiveSession>> ListForAcademyAsync(Guid academyId, CancellationToken cancellationToken) =>
        await WithRuleData().Where(s => s.AcademyId == academyId).ToListAsync(cancellationToken);

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
