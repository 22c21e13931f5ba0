using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <summary>An egress as it was at one moment, for responses, webhooks and the control API.</summary>
public sealed record EgressSnapshot(
    string EgressId,
    Room Room,
    ProtoMessage Request,
    bool SdkSource,
    FileOutputPlan Output,
    EgressStatus Status,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndingAt,
    DateTimeOffset? EndedAt,
    string Details,
    string Error,
    int ErrorCode,
    FileResult File,
    string ManifestLocation,
    bool Silenced,
    bool CutAtLimit);

/// <summary>Told of every change of an egress, in order, while the change is being made.</summary>
public interface IEgressObserver
{
    void OnChanged(EgressSnapshot snapshot, bool created);
}
