using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;

namespace ItqanRecording.Application.Recordings.PublishRecording;

/// <summary>
/// The session's teacher or an admin publishes a recording to its students or hides it from them, with an audit entry.
/// Anyone else gets 403; a deleted recording 409 <c>recording.deleted</c>. A student who was let in keeps a file they
/// are already playing for at most <see cref="GetRecordingFile.RecordingFileAccessMemory.GrantLifetime"/>.
/// </summary>
public sealed record PublishRecordingCommand(Guid RecordingId, Actor Actor, RecordingPublication Publication) : ICommand<Result<RecordingResponse>>;

public sealed class PublishRecordingValidator : AbstractValidator<PublishRecordingCommand>
{
    public PublishRecordingValidator()
    {
        RuleFor(c => c.Publication).Must(p => p is RecordingPublication.Published or RecordingPublication.Hidden)
            .WithMessage("Publication is published or hidden.");
    }
}

public sealed class PublishRecordingHandler(IApplicationDbContext db, ISessionFinder sessions, RecordingResponseFactory responses, TimeProvider clock)
    : ICommandHandler<PublishRecordingCommand, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(PublishRecordingCommand command, CancellationToken cancellationToken)
    {
        var found = await ControlledRecording.FindAsync(db, sessions, command.RecordingId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var recording = found.Value;
        db.RecordingAuditEntries.Add(recording.Publish(command.Publication, command.Actor.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return responses.Create(recording, command.Actor);
    }
}
