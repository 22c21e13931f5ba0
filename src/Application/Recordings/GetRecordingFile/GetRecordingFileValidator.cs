using FluentValidation;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

public sealed class GetRecordingFileValidator : AbstractValidator<GetRecordingFileQuery>
{
    public GetRecordingFileValidator()
    {
        RuleFor(q => q.RecordingId).NotEmpty();
        RuleFor(q => q.Link!.Expires)
            .InclusiveBetween(0, DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            .When(q => q.Link is not null)
            .OverridePropertyName(RecordingLink.ExpiresParameter);
    }
}
