namespace Itqan.Recording.Domain.Recordings;

/// <summary>The one table of allowed status moves of a <see cref="Recording"/>.</summary>
public static class RecordingStateMachine
{
    /// <summary>
    /// A recording still being recorded cannot be deleted: the egress would go on writing a file nobody may see.
    /// Stop it first; a processing one may be deleted, and its late <c>egress_ended</c> then changes nothing.
    /// </summary>
    private static readonly Dictionary<RecordingStatus, RecordingStatus[]> AllowedMoves = new()
    {
        [RecordingStatus.Recording] = [RecordingStatus.Processing, RecordingStatus.Completed, RecordingStatus.Failed],
        [RecordingStatus.Processing] = [RecordingStatus.Completed, RecordingStatus.Failed, RecordingStatus.Deleted],
        [RecordingStatus.Completed] = [RecordingStatus.Deleted],
        [RecordingStatus.Failed] = [RecordingStatus.Deleted],
        [RecordingStatus.Deleted] = [],
    };

    public static bool CanMove(RecordingStatus from, RecordingStatus to) => AllowedMoves[from].Contains(to);
}
