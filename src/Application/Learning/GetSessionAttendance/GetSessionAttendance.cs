using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Learning.GetSessionAttendance;

/// <summary>
/// For the session's teacher and the academy's admins: who of its students was in the live class and for how long
/// (LiveKit's participant webhooks), how much of its recordings each has watched since, and who needs to catch up:
/// a student who missed the class or left early (<see cref="LearningOptions.AttendedShare"/>) and has not watched its
/// recordings (<see cref="LearningOptions.WatchedCoverage"/>). Everyone else who was in the room (the teacher, a
/// guest whose identity names no user) is listed apart.
/// </summary>
public sealed record GetSessionAttendanceQuery(Guid SessionId, Actor Actor) : IQuery<Result<SessionAttendanceResponse>>;

/// <summary>The class ran from the first join to the last leave (now, while someone is still there); null before anyone joined.</summary>
public sealed record SessionAttendanceResponse(
    Guid SessionId,
    DateTimeOffset? ClassStartedAt,
    DateTimeOffset? ClassEndedAt,
    double ClassMinutes,
    IReadOnlyList<StudentAttendanceResponse> Students,
    IReadOnlyList<ParticipantAttendanceResponse> Others);

/// <summary>One student: minutes in the live class, share of the session's recordings watched (0–1), and the verdicts.</summary>
public sealed record StudentAttendanceResponse(
    Guid UserId,
    string Name,
    double AttendedMinutes,
    bool Missed,
    bool LeftEarly,
    double WatchedCoverage,
    bool Watched,
    bool NeedsToCatchUp);

/// <summary>Someone in the room who is not one of the session's students.</summary>
public sealed record ParticipantAttendanceResponse(string Identity, string Name, Guid? UserId, double AttendedMinutes);

public sealed class GetSessionAttendanceHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    IOptions<LearningOptions> options,
    TimeProvider clock) : IQueryHandler<GetSessionAttendanceQuery, Result<SessionAttendanceResponse>>
{
    public async ValueTask<Result<SessionAttendanceResponse>> Handle(GetSessionAttendanceQuery query, CancellationToken cancellationToken)
    {
        var session = await sessions.FindInAcademyAsync(query.SessionId, query.Actor, cancellationToken);
        if (session is null)
        {
            return RecordingErrors.SessionNotFound;
        }

        if (!session.CanControlRecording(query.Actor))
        {
            return LearningErrors.AttendanceForbidden;
        }

        var now = clock.GetUtcNow();
        var stays = await db.AttendanceIntervals.AsNoTracking().Where(i => i.SessionId == session.Id).ToListAsync(cancellationToken);
        DateTimeOffset? started = stays.Count == 0 ? null : stays.Min(s => s.JoinedAt);
        DateTimeOffset? ended = stays.Count == 0 ? null : stays.Max(s => s.LeftAt ?? now);
        var classLength = (ended - started) ?? TimeSpan.Zero;

        var studentIds = session.StudentIds.ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => studentIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var watched = await WatchedSharesAsync(session.Id, studentIds, cancellationToken);

        var settings = options.Value;
        var students = studentIds
            .Select(id =>
            {
                var attended = AttendedTime.Of(stays.Where(s => s.UserId == id), now);
                var missed = started is not null && attended == TimeSpan.Zero;
                var leftEarly = !missed && started is not null && attended < classLength * settings.AttendedShare;
                var coverage = watched.GetValueOrDefault(id);
                var hasWatched = coverage >= settings.WatchedCoverage;
                return new StudentAttendanceResponse(
                    id, names.GetValueOrDefault(id, ""), attended.TotalMinutes, missed, leftEarly, coverage, hasWatched, (missed || leftEarly) && !hasWatched);
            })
            .OrderByDescending(s => s.NeedsToCatchUp)
            .ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .ToList();
        var others = stays
            .Where(s => s.UserId is not { } id || !studentIds.Contains(id))
            .GroupBy(s => s.Identity)
            .Select(g => new ParticipantAttendanceResponse(g.Key, g.Last().Name, g.First().UserId, AttendedTime.Of(g, now).TotalMinutes))
            .ToList();
        return new SessionAttendanceResponse(session.Id, started, ended, classLength.TotalMinutes, students, others);
    }

    /// <summary>
    /// Each student's share (0–1) of the session's completed recordings seen, all of them together; only those the
    /// students can see count (published).
    /// </summary>
    private async Task<Dictionary<Guid, double>> WatchedSharesAsync(Guid sessionId, List<Guid> studentIds, CancellationToken cancellationToken)
    {
        var recordings = await db.Recordings.AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.Status == RecordingStatus.Completed && r.Publication == RecordingPublication.Published)
            .Select(r => new { r.Id, r.Duration })
            .ToListAsync(cancellationToken);
        var total = recordings.Aggregate(TimeSpan.Zero, (sum, r) => sum + (r.Duration ?? TimeSpan.Zero));
        var recordingIds = recordings.Select(r => r.Id).ToList();
        var seen = await db.WatchProgress.AsNoTracking()
            .Where(p => recordingIds.Contains(p.RecordingId) && studentIds.Contains(p.UserId))
            .GroupBy(p => p.UserId)
            .Select(g => new { UserId = g.Key, Seconds = g.Sum(p => p.WatchedSeconds) })
            .ToListAsync(cancellationToken);
        return seen.ToDictionary(s => s.UserId, s => WatchProgress.CoverageOf(s.Seconds, total));
    }
}
