using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Application.Analytics;

/// <summary>How the dashboard's periods are cut: calendar weeks (from Monday) or months, in the academy's time zone.</summary>
public enum AnalyticsBucket
{
    Week,
    Month,
}

/// <summary>
/// What the report covers: the academy's completed recordings that started from <see cref="From"/> to before
/// <see cref="To"/> (instants of the academy's midnights), all of them or one teacher's; periods cut in
/// <see cref="TimeZoneId"/>. A student counts as watched past <see cref="WatchedCoverage"/> of a recording and as
/// having left early below <see cref="AttendedShare"/> of the class.
/// </summary>
public sealed record AnalyticsScope(
    Guid AcademyId,
    Guid? TeacherId,
    DateTimeOffset From,
    DateTimeOffset To,
    AnalyticsBucket Bucket,
    string TimeZoneId,
    double WatchedCoverage,
    double AttendedShare);

/// <summary>
/// One group's figures. <see cref="RecordedSeconds"/> and <see cref="RecordedBytes"/> are the recordings' durations
/// and file sizes; a view is one person who played a recording (<see cref="Views"/>), <see cref="UniqueViewers"/> the
/// people among them, <see cref="WatchedSeconds"/> the seconds they saw (each second once per person),
/// <see cref="AverageCoverage"/> the mean share of a recording a viewer saw (0–1, null without views).
/// </summary>
public sealed record AnalyticsFigures(
    int Recordings,
    double RecordedSeconds,
    long RecordedBytes,
    int Views,
    int UniqueViewers,
    long WatchedSeconds,
    double? AverageCoverage);

/// <summary>
/// The class's students who, by LiveKit's participant events, missed a recorded class or left it early
/// (<see cref="NeedingCatchUp"/>, as the teacher's attendance list counts them), and how many of them then watched its
/// recording (<see cref="CaughtUp"/>); <see cref="Rate"/> is their share (null with none).
/// </summary>
public sealed record CatchUpFigures(int NeedingCatchUp, int CaughtUp)
{
    public double? Rate => NeedingCatchUp == 0 ? null : (double)CaughtUp / NeedingCatchUp;
}

/// <summary>A period (its first day, in the academy's time zone) and what was recorded and watched of its recordings.</summary>
public sealed record AnalyticsPeriod(DateOnly Start, AnalyticsFigures Figures);

/// <summary>A course, circle or lesson (by its name when it had one) with its teacher.</summary>
public sealed record AnalyticsParent(Guid? ParentId, SessionKind SessionKind, string? Name, Guid TeacherId, string? TeacherName, AnalyticsFigures Figures, CatchUpFigures CatchUp);

public sealed record AnalyticsTeacher(Guid TeacherId, string? Name, AnalyticsFigures Figures, CatchUpFigures CatchUp);

/// <summary>
/// The dashboard: totals, the periods in order, courses/circles/lessons and teachers by hours recorded (most first),
/// and the bytes the academy's completed recordings take now (whatever their start).
/// </summary>
public sealed record AnalyticsReport(
    AnalyticsFigures Totals,
    CatchUpFigures CatchUp,
    IReadOnlyList<AnalyticsPeriod> Periods,
    IReadOnlyList<AnalyticsParent> Parents,
    IReadOnlyList<AnalyticsTeacher> Teachers,
    long StoredBytes);
