using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Sessions.GetSession;

/// <summary>One session as its recording panel shows it: can it be recorded, is it, and what may this user do.</summary>
public sealed record GetSessionQuery(Guid SessionId, Actor Actor) : IQuery<Result<SessionDetailResponse>>;

public sealed class GetSessionHandler(IApplicationDbContext db, ISessionFinder sessions, RecordingResponseFactory responses)
    : IQueryHandler<GetSessionQuery, Result<SessionDetailResponse>>
{
    public async ValueTask<Result<SessionDetailResponse>> Handle(GetSessionQuery query, CancellationToken cancellationToken)
    {
        var found = await sessions.FindAccessibleAsync(query.SessionId, query.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var session = found.Value;

        var active = await db.Recordings.AsNoTracking()
            .SingleOrDefaultAsync(r => r.SessionId == session.Id && r.Status == RecordingStatus.Recording, cancellationToken);
        // Students count and see only what is published; the teacher and the admins everything but the deleted.
        var seesUnpublished = session.CanControlRecording(query.Actor);
        var shown = db.Recordings.Where(r => r.SessionId == session.Id && r.Status != RecordingStatus.Deleted
            && (seesUnpublished || r.Publication == RecordingPublication.Published));
        var recordingCount = await shown.CountAsync(cancellationToken);
        var canAccessRecordings = session.CanAccessRecordings(query.Actor);
        var latestStatus = canAccessRecordings
            ? await shown
                .OrderByDescending(r => r.StartedAt)
                .Select(r => (RecordingStatus?)r.Status)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var blocker = session.FindRecordingBlocker(hasActiveRecording: active is not null);
        return new SessionDetailResponse(
            session.Id,
            session.Kind,
            session.Title,
            session.ScheduledAt,
            session.Status,
            session.IsRecordingEnabled,
            CanBeRecorded: blocker is null,
            CannotRecordReason: blocker,
            IsRecording: active is not null,
            recordingCount,
            active is not null ? RecordingAvailability.Recording : AvailabilityOf(latestStatus),
            active is null ? null : responses.Create(active, query.Actor),
            new SessionPermissionsResponse(session.CanControlRecording(query.Actor), canAccessRecordings));
    }

    /// <summary>What became of the newest recording the user may see, when none is running.</summary>
    private static RecordingAvailability AvailabilityOf(RecordingStatus? newest) => newest switch
    {
        RecordingStatus.Recording or RecordingStatus.Processing => RecordingAvailability.Processing,
        RecordingStatus.Completed => RecordingAvailability.Available,
        RecordingStatus.Failed => RecordingAvailability.Failed,
        _ => RecordingAvailability.Idle,
    };
}
