namespace ItqanRecording.Domain.Recordings.Media;

public enum MediaJobState
{
    /// <summary>Waiting for its first attempt, or for the next one after a failed attempt.</summary>
    Queued,

    /// <summary>Claimed by an instance that is working on it until its lease ends.</summary>
    Running,

    Done,

    /// <summary>Given up: every attempt failed, or the recording cannot have this output (e.g. no picture).</summary>
    Failed,
}
