using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Domain.Academies;

/// <summary>An academy's own recording settings for one session kind; unset fields keep the defaults.</summary>
public sealed class AcademyRecordingOverride(Guid academyId, SessionKind sessionKind, string? layout, string? encodingPreset, bool? audioOnly)
{
    /// <summary>Whether this kind's recordings wait for the teacher's review; null keeps the academy's choice.</summary>
    public bool? ReviewBeforePublishing { get; internal set; }

    public Guid AcademyId { get; private set; } = academyId;

    public SessionKind SessionKind { get; private set; } = sessionKind;

    public string? Layout { get; private set; } = layout;

    public string? EncodingPreset { get; private set; } = encodingPreset;

    public bool? AudioOnly { get; private set; } = audioOnly;
}
