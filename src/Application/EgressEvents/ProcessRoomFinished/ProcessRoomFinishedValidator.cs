using FluentValidation;

namespace Itqan.Recording.Application.EgressEvents.ProcessRoomFinished;

public sealed class ProcessRoomFinishedValidator : AbstractValidator<ProcessRoomFinished>
{
    public ProcessRoomFinishedValidator()
    {
        RuleFor(c => c.RoomName).MustBeRoomName();
    }
}
