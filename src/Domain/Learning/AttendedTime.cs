namespace ItqanRecording.Domain.Learning;

/// <summary>
/// How long someone was in the class: the union of their stays (two devices at once count once), a stay still going on
/// counted until <c>until</c>.
/// </summary>
public static class AttendedTime
{
    public static TimeSpan Of(IEnumerable<AttendanceInterval> stays, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var total = TimeSpan.Zero;
        DateTimeOffset? start = null, end = null;
        foreach (var (from, to) in stays.Select(s => (s.JoinedAt, s.LeftAt ?? until)).Where(s => s.Item2 > s.JoinedAt).OrderBy(s => s.JoinedAt))
        {
            if (end is { } open && from <= open)
            {
                end = to > open ? to : open;
                continue;
            }

            total += (end - start) ?? TimeSpan.Zero;
            (start, end) = (from, to);
        }

        return total + ((end - start) ?? TimeSpan.Zero);
    }
}
