using FluentValidation;

namespace Itqan.Recording.Application.Recordings.ProcessRoomFinished;

public sealed class ProcessRoomFinishedValidator : AbstractValidator<ProcessRoomFinished>
{
    public ProcessRoomFinishedValidator()
    {
        RuleFor(c => c.RoomName).MustBeRoomName();
    }
}
