using FluentValidation;

namespace Itqan.Recording.Application.Recordings.StopRecording;

public sealed class StopRecordingValidator : AbstractValidator<StopRecording>
{
    public StopRecordingValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty();
    }
}
