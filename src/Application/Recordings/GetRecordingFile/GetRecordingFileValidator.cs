using FluentValidation;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

public sealed class GetRecordingFileValidator : AbstractValidator<GetRecordingFileQuery>
{
    public GetRecordingFileValidator()
    {
        RuleFor(q => q.RecordingId).NotEmpty();
        RuleFor(q => q.Part)
            .GreaterThanOrEqualTo(1)
            .When(q => q.Part is not null)
            .OverridePropertyName(RecordingLink.PartParameter);
        RuleFor(q => q.Part)
            .Null()
            .When(q => q.Action is not (RecordingFileAction.Stream or RecordingFileAction.Download))
            .OverridePropertyName(RecordingLink.PartParameter)
            .WithMessage("Only a stream or a download names a part.");
        RuleFor(q => q.Link!.Expires)
            .InclusiveBetween(0, DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            .When(q => q.Link is not null)
            .OverridePropertyName(RecordingLink.ExpiresParameter);
    }
}
