using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Learning.RecordingMarks;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Learning.MarkMoment;

/// <summary>
/// "Mark this moment" during the live class: a chapter of the session's recording, now, labelled (e.g. a surah and
/// its ayat) or named by its time. The moment's place in the recording counts the parts already cut
/// (<see cref="Recording.OffsetOf"/>). For the session's teacher and the admins; 409 while nothing records.
/// </summary>
public sealed record MarkMomentCommand(Guid SessionId, Actor Actor, string? Label) : ICommand<Result<RecordingMarkResponse>>;

public sealed class MarkMomentValidator : AbstractValidator<MarkMomentCommand>
{
    public MarkMomentValidator() => RuleFor(c => c.Label).MaximumLength(RecordingMark.MaxLabelLength);
}

public sealed class MarkMomentHandler(IApplicationDbContext db, ISessionFinder sessions, TimeProvider clock)
    : ICommandHandler<MarkMomentCommand, Result<RecordingMarkResponse>>
{
    public async ValueTask<Result<RecordingMarkResponse>> Handle(MarkMomentCommand command, CancellationToken cancellationToken)
    {
        var found = await sessions.FindControllableAsync(command.SessionId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var recording = await db.Recordings.AsNoTracking()
            .SingleOrDefaultAsync(r => r.SessionId == command.SessionId && r.Status == RecordingStatus.Recording, cancellationToken);
        if (recording is null)
        {
            return RecordingErrors.NoActiveRecording;
        }

        var now = clock.GetUtcNow();
        var mark = RecordingMark.Create(
            recording.Id, recording.AcademyId, command.Actor.UserId, RecordingMarkKind.Chapter, recording.OffsetOf(now), command.Label, now);
        db.RecordingMarks.Add(mark);
        await db.SaveChangesAsync(cancellationToken);
        return RecordingMarkResponse.From(mark, command.Actor.UserId, chaptersEditable: true);
    }
}
