using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Users;
using Mediator;
using RecordingEntity = ItqanRecording.Domain.Recordings.Recording;

namespace ItqanRecording.Application.Recordings.RenameRecording;

/// <summary>
/// The session's teacher or an admin gives a recording a name that tells it apart (<c>Al-Mulk 1–10, revision</c>);
/// the audit keeps the old one. Anyone else gets 403, a deleted recording 409 <c>recording.deleted</c>.
/// </summary>
public sealed record RenameRecordingCommand(Guid RecordingId, Actor Actor, string DisplayName) : ICommand<Result<RecordingResponse>>;

public sealed class RenameRecordingValidator : AbstractValidator<RenameRecordingCommand>
{
    public RenameRecordingValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().Must(name => name.Trim().Length > 0).WithMessage("A name cannot be only spaces.")
            .MaximumLength(RecordingEntity.MaxDisplayNameLength);
    }
}

public sealed class RenameRecordingHandler(IApplicationDbContext db, ISessionFinder sessions, RecordingResponseFactory responses, TimeProvider clock)
    : ICommandHandler<RenameRecordingCommand, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(RenameRecordingCommand command, CancellationToken cancellationToken)
    {
        var found = await ControlledRecording.FindAsync(db, sessions, command.RecordingId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var recording = found.Value;
        db.RecordingAuditEntries.Add(recording.Rename(command.DisplayName, command.Actor.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return responses.Create(recording, command.Actor);
    }
}
