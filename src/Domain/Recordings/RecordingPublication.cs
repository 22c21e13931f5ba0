namespace ItqanRecording.Domain.Recordings;

/// <summary>
/// Whether a recording's students see it. An academy that reviews recordings of a kind before publishing them starts
/// them <see cref="AwaitingReview"/>; the session's teacher (or an admin) publishes or hides them. Teachers and admins
/// see every recording whatever its publication.
/// </summary>
public enum RecordingPublication
{
    /// <summary>Students see it (lists, links, files) once it is completed.</summary>
    Published,

    /// <summary>Its academy reviews recordings of its kind first: students do not see it until it is published.</summary>
    AwaitingReview,

    /// <summary>The teacher or an admin took it away from the students.</summary>
    Hidden,
}
