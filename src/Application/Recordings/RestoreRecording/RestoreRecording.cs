using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings.RestoreRecording;

/// <summary>
/// An academy admin (the endpoint's policy) takes a recording of their academy out of the trash: it is what it was
/// again, for everyone who saw it. The aggregate refuses what cannot come back (409: not deleted, files removed,
/// deleted before it was complete).
/// </summary>
public sealed record RestoreRecordingCommand(Guid RecordingId, Actor Actor) : ICommand<Result<RecordingResponse>>;

public sealed class RestoreRecordingHandler(IApplicationDbContext db, RecordingResponseFactory responses, TimeProvider clock)
    : ICommandHandler<RestoreRecordingCommand, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(RestoreRecordingCommand command, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.SingleOrDefaultAsync(
            r => r.Id == command.RecordingId && r.AcademyId == command.Actor.AcademyId, cancellationToken);
        if (recording is null)
        {
            return RecordingErrors.RecordingNotFound;
        }

        db.RecordingAuditEntries.Add(recording.Restore(command.Actor.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return responses.Create(recording, command.Actor);
    }
}
