using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Recordings.GetRecording;

/// <summary>One recording, for someone who may see its session's recordings.</summary>
public sealed record GetRecording(Guid RecordingId, Actor Actor) : IQuery<Result<RecordingResponse>>;

public sealed class GetRecordingHandler(IApplicationDbContext db, ISessionFinder sessions)
    : IQueryHandler<GetRecording, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(GetRecording query, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == query.RecordingId && r.AcademyId == query.Actor.AcademyId, cancellationToken);
        if (recording is null
            || (recording.Status == RecordingStatus.Deleted && !query.Actor.IsAdminOf(recording.AcademyId)))
        {
            return RecordingErrors.RecordingNotFound;
        }

        var session = await sessions.FindAsync(recording.SessionId, cancellationToken);
        if (session is null || !session.CanAccessRecordings(query.Actor))
        {
            return RecordingErrors.CannotAccess;
        }

        return RecordingResponse.From(recording);
    }
}
