using ItqanRecording.Domain.Common;

namespace ItqanRecording.Domain.Recordings;

/// <summary>A transition the <see cref="RecordingStateMachine"/> refuses, with the refusal's code and message.</summary>
public sealed class InvalidRecordingTransitionException(RecordingStatus from, RecordingStatus to, RecordingTransitionRefusal refusal)
    : DomainException(refusal.Code, refusal.Message)
{
    public RecordingStatus From { get; } = from;

    public RecordingStatus To { get; } = to;
}
