using FluentValidation;

namespace Itqan.Recording.Application.Recordings.StartRecording;

public sealed class StartRecordingValidator : AbstractValidator<StartRecording>
{
    public StartRecordingValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty();
    }
}
