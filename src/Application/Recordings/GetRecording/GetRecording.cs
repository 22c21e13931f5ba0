using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Users;
using Mediator;

namespace ItqanRecording.Application.Recordings.GetRecording;

/// <summary>One recording, for someone who may see its session's recordings.</summary>
public sealed record GetRecordingQuery(Guid RecordingId, Actor Actor) : IQuery<Result<RecordingResponse>>;

public sealed class GetRecordingHandler(IApplicationDbContext db, ISessionFinder sessions, RecordingResponseFactory responses)
    : IQueryHandler<GetRecordingQuery, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(GetRecordingQuery query, CancellationToken cancellationToken)
    {
        var recording = await VisibleRecording.FindAsync(db, sessions, query.RecordingId, query.Actor, cancellationToken);
        return recording.IsSuccess ? responses.Create(recording.Value, query.Actor) : recording.Error;
    }
}
