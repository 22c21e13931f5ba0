using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Users;
using Mediator;

namespace Itqan.Recording.Application.Recordings.GetRecording;

/// <summary>One recording, for someone who may see its session's recordings.</summary>
public sealed record GetRecording(Guid RecordingId, Actor Actor) : IQuery<Result<RecordingResponse>>;

public sealed class GetRecordingHandler(IApplicationDbContext db, ISessionFinder sessions, RecordingResponseFactory responses)
    : IQueryHandler<GetRecording, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(GetRecording query, CancellationToken cancellationToken)
    {
        var recording = await VisibleRecording.FindAsync(db, sessions, query.RecordingId, query.Actor, cancellationToken);
        return recording.IsSuccess ? responses.Create(recording.Value, query.Actor) : recording.Error;
    }
}
