using FluentValidation;

namespace ItqanRecording.Application.EgressEvents.ProcessRoomFinished;

public sealed class ProcessRoomFinishedValidator : AbstractValidator<ProcessRoomFinishedCommand>
{
    public ProcessRoomFinishedValidator()
    {
        RuleFor(c => c.RoomName).MustBeRoomName();
    }
}
