using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// How many recordings of one academy, teacher, session kind and status started on one UTC day, with their bytes and
/// seconds. PostgreSQL keeps these rows exact with a trigger on <c>recordings</c> (migration RecordingDailyTotals,
/// docs/adr/0008); the application only reads them. A group that empties keeps its row, at zero.
/// </summary>
public sealed class RecordingDailyTotal
{
    private RecordingDailyTotal()
    {
    }

    public Guid AcademyId { get; private set; }

    public DateOnly Day { get; private set; }

    public Guid TeacherId { get; private set; }

    public SessionKind SessionKind { get; private set; }

    public RecordingStatus Status { get; private set; }

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Exact (numeric): the sum of the durations' seconds, microseconds included.</summary>
    public decimal Seconds { get; private set; }
}
