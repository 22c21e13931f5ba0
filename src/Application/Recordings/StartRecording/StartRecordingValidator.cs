using FluentValidation;

namespace ItqanRecording.Application.Recordings.StartRecording;

public sealed class StartRecordingValidator : AbstractValidator<StartRecordingCommand>
{
    public StartRecordingValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty();
    }
}
