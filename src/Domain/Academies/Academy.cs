using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Domain.Academies;

/// <summary>A tenant. Its settings are the fallback for kinds whose own setting is not set.</summary>
public sealed class Academy
{
    /// <summary>Where an academy says nothing of its time zone: recordings are named by their UTC start.</summary>
    public const string DefaultTimeZoneId = "UTC";

    private Academy()
    {
        Name = string.Empty;
        TimeZoneId = DefaultTimeZoneId;
    }

    public Academy(Guid id, string name, bool? quranRecordingEnabled = null, bool? academicRecordingEnabled = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        TimeZoneId = DefaultTimeZoneId;
        QuranRecordingEnabled = quranRecordingEnabled;
        AcademicRecordingEnabled = academicRecordingEnabled;
    }

    private readonly List<AcademyRecordingOverride> _recordingOverrides = [];

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The IANA time zone the academy keeps its timetable in (<c>Asia/Riyadh</c>): recordings are named by it.</summary>
    public string TimeZoneId { get; private set; }

    public bool? QuranRecordingEnabled { get; private set; }

    public bool? AcademicRecordingEnabled { get; private set; }

    /// <summary>The longest a deleted recording may wait in the trash.</summary>
    public const int MaxTrashDays = 365;

    /// <summary>How many days a deleted recording waits in the trash, restorable, before its files are removed.</summary>
    public int TrashDays { get; private set; } = 30;

    /// <summary>Recordings deleted before this instant have had their days in the trash.</summary>
    public DateTimeOffset TrashCutoff(DateTimeOffset now) => now.AddDays(-TrashDays);

    public void KeepDeletedFor(int days)
    {
        if (days is < 1 or > MaxTrashDays)
        {
            throw new DomainException("academy.invalid_trash_days", $"A deleted recording waits in the trash for 1 to {MaxTrashDays} days.");
        }

        TrashDays = days;
    }

    /// <summary>Completed and failed recordings older than this many days are removed; null keeps them forever.</summary>
    public int? RetentionDays { get; private set; }

    /// <summary>
    /// Whether its videos also get a low-bandwidth rendition beside their HLS packaging
    /// (<see cref="Recordings.Media.HlsVariant.Low"/>): a re-encode, so it costs CPU, and it is off until the academy asks.
    /// </summary>
    public bool OffersLowBandwidthRendition { get; private set; }

    public IReadOnlyCollection<AcademyRecordingOverride> RecordingOverrides => _recordingOverrides;

    /// <summary>Whether recordings wait for the teacher's review before students see them, for kinds that do not say.</summary>
    public bool ReviewBeforePublishing { get; private set; }

    /// <summary>Whether recordings of <paramref name="kind"/> wait for review: the kind's own choice, else the academy's.</summary>
    public bool ReviewsBeforePublishing(SessionKind kind) =>
        _recordingOverrides.Find(o => o.SessionKind == kind)?.ReviewBeforePublishing ?? ReviewBeforePublishing;

    /// <summary>
    /// Recordings started from now on wait for review (or not): <paramref name="byDefault"/> for every kind, each of
    /// <paramref name="byKind"/> for its kind (null: as the academy). Kinds not named keep their choice.
    /// </summary>
    public void ReviewRecordingsBeforePublishing(bool byDefault, IReadOnlyDictionary<SessionKind, bool?> byKind)
    {
        ArgumentNullException.ThrowIfNull(byKind);
        ReviewBeforePublishing = byDefault;
        foreach (var (kind, review) in byKind)
        {
            var over = _recordingOverrides.Find(o => o.SessionKind == kind);
            if (over is null)
            {
                over = new AcademyRecordingOverride(Id, kind, null, null, null);
                _recordingOverrides.Add(over);
            }

            over.ReviewBeforePublishing = review;
        }
    }

    /// <summary>The kind's defaults with whatever this academy overrides for that kind.</summary>
    public RecordingConfiguration ApplyOverrides(SessionKind kind, RecordingConfiguration kindDefaults)
    {
        ArgumentNullException.ThrowIfNull(kindDefaults);
        var over = _recordingOverrides.Find(o => o.SessionKind == kind);
        return over is null
            ? kindDefaults
            : kindDefaults with
            {
                Layout = over.Layout ?? kindDefaults.Layout,
                EncodingPreset = over.EncodingPreset ?? kindDefaults.EncodingPreset,
                AudioOnly = over.AudioOnly ?? kindDefaults.AudioOnly,
            };
    }

    public void OverrideRecording(SessionKind kind, string? layout, string? encodingPreset, bool? audioOnly)
    {
        var review = _recordingOverrides.Find(o => o.SessionKind == kind)?.ReviewBeforePublishing;
        _recordingOverrides.RemoveAll(o => o.SessionKind == kind);
        _recordingOverrides.Add(new AcademyRecordingOverride(Id, kind, layout, encodingPreset, audioOnly) { ReviewBeforePublishing = review });
    }

    /// <summary>
    /// Completed and failed recordings that started before this instant are past retention; null when this academy
    /// keeps recordings forever. The age counts from the start, which every recording has (a failed one never completes).
    /// </summary>
    public DateTimeOffset? RetentionCutoff(DateTimeOffset now) => RetentionDays is { } days ? now.AddDays(-days) : null;

    public void OfferLowBandwidthRendition(bool offered) => OffersLowBandwidthRendition = offered;

    /// <summary>The academy's wall-clock time at <paramref name="at"/>.</summary>
    public DateTimeOffset LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    /// <summary>The instant the academy's day <paramref name="day"/> begins (its midnight, in its time zone).</summary>
    public DateTimeOffset StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    /// <summary>Keeps the timetable in the IANA time zone <paramref name="timeZoneId"/>; one this system does not know is refused.</summary>
    public void UseTimeZone(string timeZoneId)
    {
        if (!IsKnownTimeZone(timeZoneId))
        {
            throw new DomainException("academy.unknown_time_zone", $"'{timeZoneId}' is not a time zone this system knows (e.g. Asia/Riyadh).");
        }

        TimeZoneId = timeZoneId;
    }

    /// <summary>Whether <paramref name="timeZoneId"/> names a time zone of the system's tz database.</summary>
    public static bool IsKnownTimeZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    public void KeepRecordingsFor(int? days)
    {
        if (days is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A retention period must be at least one day.");
        }

        RetentionDays = days;
    }
}
