using Itqan.Recording.Domain.Common;

namespace Itqan.Recording.Domain.Recordings;

public sealed class InvalidRecordingTransitionException(RecordingStatus from, RecordingStatus to)
    : DomainException(
        "recording.invalid_transition",
        $"A recording that is {from.ToString().ToLowerInvariant()} cannot become {to.ToString().ToLowerInvariant()}.")
{
    public RecordingStatus From { get; } = from;

    public RecordingStatus To { get; } = to;
}
