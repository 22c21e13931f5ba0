using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Recordings.GetRecordingFile;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;

namespace ItqanRecording.Application.Learning.RecordWatchProgress;

/// <summary>
/// The player's heartbeat: the user played the recording from <paramref name="FromSeconds"/> to
/// <paramref name="ToSeconds"/> since the last one. The user is the signed-in <paramref name="Actor"/>, else the one
/// the recording's progress link (<see cref="RecordingFileAction.Progress"/>) was made out to. Only for a completed
/// recording the user may watch, and only within it; the access is the one the stream was granted (remembered, so a
/// heartbeat is one write).
/// </summary>
public sealed record RecordWatchProgressCommand(
    Guid RecordingId, Actor? Actor, SignedLinkParameters? Link, double FromSeconds, double ToSeconds)
    : ICommand<Result<Success>>;

public sealed class RecordWatchProgressValidator : AbstractValidator<RecordWatchProgressCommand>
{
    public RecordWatchProgressValidator()
    {
        RuleFor(c => c.RecordingId).NotEmpty();
        RuleFor(c => c.FromSeconds).GreaterThanOrEqualTo(0);
        RuleFor(c => c.ToSeconds).GreaterThan(c => c.FromSeconds).WithMessage("toSeconds must lie after fromSeconds.");
        RuleFor(c => c.ToSeconds - c.FromSeconds)
            .LessThanOrEqualTo(WatchedSpan.MaxLength.TotalSeconds)
            .OverridePropertyName("toSeconds")
            .WithMessage($"One heartbeat covers at most {WatchedSpan.MaxLength.TotalSeconds} seconds.");
    }
}

public sealed class RecordWatchProgressHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    RecordingFileAccessMemory memory,
    IWatchProgressStore progress,
    IRecordingLinkSigner signer,
    TimeProvider clock) : ICommandHandler<RecordWatchProgressCommand, Result<Success>>
{
    /// <summary>A player's clock may run a little past the stated length.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    public async ValueTask<Result<Success>> Handle(RecordWatchProgressCommand command, CancellationToken cancellationToken)
    {
        var requester = RecordingFileGrants.RequesterOf(
            command.RecordingId, RecordingFileAction.Progress, command.Actor, command.Link, signer, clock);
        if (!requester.IsSuccess)
        {
            return requester.Error;
        }

        var found = await RecordingFileGrants.FindAsync(
            db, sessions, memory, command.RecordingId, command.Actor, requester.Value, RecordingFileAction.Stream, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var recording = found.Value;
        if (recording is not { Status: RecordingStatus.Completed, Duration: { } duration })
        {
            return RecordingErrors.FileNotReady(recording.Status);
        }

        if (TimeSpan.FromSeconds(command.ToSeconds) > duration + Slack)
        {
            return LearningErrors.PastTheEnd(duration);
        }

        await progress.RecordAsync(
            recording.Id, requester.Value, recording.AcademyId, WatchedSpan.Of(command.FromSeconds, command.ToSeconds), cancellationToken);
        return new Success();
    }
}
