namespace Itqan.Recording.Domain.Recordings;

/// <summary>The one table of allowed status moves of a <see cref="Recording"/>.</summary>
public static class RecordingStateMachine
{
    private static readonly Dictionary<RecordingStatus, RecordingStatus[]> AllowedMoves = new()
    {
        [RecordingStatus.Recording] =
            [RecordingStatus.Processing, RecordingStatus.Completed, RecordingStatus.Failed, RecordingStatus.Deleted],
        [RecordingStatus.Processing] = [RecordingStatus.Completed, RecordingStatus.Failed, RecordingStatus.Deleted],
        [RecordingStatus.Completed] = [RecordingStatus.Deleted],
        [RecordingStatus.Failed] = [RecordingStatus.Deleted],
        [RecordingStatus.Deleted] = [],
    };

    public static bool CanMove(RecordingStatus from, RecordingStatus to) => AllowedMoves[from].Contains(to);
}
