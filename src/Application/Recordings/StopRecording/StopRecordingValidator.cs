using FluentValidation;

namespace ItqanRecording.Application.Recordings.StopRecording;

public sealed class StopRecordingValidator : AbstractValidator<StopRecordingCommand>
{
    public StopRecordingValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty();
    }
}
