namespace ItqanRecording.Domain.Recordings;

/// <summary>
/// The one table of allowed status moves of a <see cref="Recording"/>, and why a move outside it is refused. A
/// recording still being recorded cannot be deleted: the egress would go on writing a file nobody may see, so it is
/// stopped first. A processing one may go; its late end changes nothing.
/// </summary>
public static class RecordingStateMachine
{
    private static readonly Dictionary<RecordingStatus, RecordingStatus[]> AllowedMoves = new()
    {
        [RecordingStatus.Recording] = [RecordingStatus.Processing, RecordingStatus.Completed, RecordingStatus.Failed],
        [RecordingStatus.Processing] = [RecordingStatus.Completed, RecordingStatus.Failed, RecordingStatus.Deleted],
        [RecordingStatus.Completed] = [RecordingStatus.Deleted],
        [RecordingStatus.Failed] = [RecordingStatus.Deleted],
        [RecordingStatus.Deleted] = [],
    };

    public static bool CanMove(RecordingStatus from, RecordingStatus to) => AllowedMoves[from].Contains(to);

    /// <summary>
    /// Why the move is refused, or null when the table allows it. The refusals people meet (deleting a recording that
    /// still records, or one already deleted) say so in their own words; any other is an invalid transition.
    /// </summary>
    public static RecordingTransitionRefusal? Refusal(RecordingStatus from, RecordingStatus to) =>
        CanMove(from, to) ? null : (from, to) switch
        {
            (RecordingStatus.Recording, RecordingStatus.Deleted) =>
                new("recording.still_recording", "The recording is still running; stop it before deleting it."),
            (RecordingStatus.Deleted, RecordingStatus.Deleted) =>
                new("recording.already_deleted", "The recording is already deleted."),
            _ => new(
                "recording.invalid_transition",
                $"A recording that is {from.ToString().ToLowerInvariant()} cannot become {to.ToString().ToLowerInvariant()}."),
        };
}

/// <summary>A move the state machine refuses: a stable, machine-readable <see cref="Code"/> and a message for people.</summary>
public sealed record RecordingTransitionRefusal(string Code, string Message);
