namespace ItqanRecording.Application.Recordings.GetRecordingCatalogueStatistics;

/// <summary>
/// The whole UTC days inside a from/to range: <see cref="First"/> inclusive, <see cref="End"/> exclusive, null for an
/// open side. <see cref="FirstStart"/> and <see cref="EndStart"/> are their first instants: a from before the one and
/// a to after the other leave a partial day at that edge.
/// </summary>
internal sealed record WholeDays(DateOnly? First, DateOnly? End)
{
    public DateTimeOffset? FirstStart => StartOf(First);

    public DateTimeOffset? EndStart => StartOf(End);

    /// <summary>The whole days within [<paramref name="from"/>, <paramref name="to"/>), or null when there is none.</summary>
    public static WholeDays? Within(DateTimeOffset? from, DateTimeOffset? to)
    {
        DateOnly? first = null;
        if (from?.UtcDateTime is { } start)
        {
            var day = DateOnly.FromDateTime(start);
            if (start.TimeOfDay != TimeSpan.Zero)
            {
                if (day == DateOnly.MaxValue)
                {
                    return null;
                }

                day = day.AddDays(1);
            }

            first = day;
        }

        DateOnly? end = to?.UtcDateTime is { } stop ? DateOnly.FromDateTime(stop) : null;
        return first is null || end is null || first < end ? new WholeDays(first, end) : null;
    }

    private static DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
