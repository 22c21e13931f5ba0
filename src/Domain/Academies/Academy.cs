using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Domain.Academies;

/// <summary>A tenant. Its settings are the fallback for kinds whose own setting is not set.</summary>
public sealed class Academy
{
    private Academy()
    {
        Name = string.Empty;
    }

    public Academy(Guid id, string name, bool? quranRecordingEnabled = null, bool? academicRecordingEnabled = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        QuranRecordingEnabled = quranRecordingEnabled;
        AcademicRecordingEnabled = academicRecordingEnabled;
    }

    private readonly List<AcademyRecordingOverride> _recordingOverrides = [];

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public bool? QuranRecordingEnabled { get; private set; }

    public bool? AcademicRecordingEnabled { get; private set; }

    /// <summary>Completed and failed recordings older than this many days are removed; null keeps them forever.</summary>
    public int? RetentionDays { get; private set; }

    /// <summary>
    /// Whether its videos also get a low-bandwidth rendition beside their HLS packaging
    /// (<see cref="Recordings.Media.HlsVariant.Low"/>): a re-encode, so it costs CPU, and it is off until the academy asks.
    /// </summary>
    public bool OffersLowBandwidthRendition { get; private set; }

    public IReadOnlyCollection<AcademyRecordingOverride> RecordingOverrides => _recordingOverrides;

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
        _recordingOverrides.RemoveAll(o => o.SessionKind == kind);
        _recordingOverrides.Add(new AcademyRecordingOverride(Id, kind, layout, encodingPreset, audioOnly));
    }

    /// <summary>
    /// Completed and failed recordings that started before this instant are past retention; null when this academy
    /// keeps recordings forever. The age counts from the start, which every recording has (a failed one never completes).
    /// </summary>
    public DateTimeOffset? RetentionCutoff(DateTimeOffset now) => RetentionDays is { } days ? now.AddDays(-days) : null;

    public void OfferLowBandwidthRendition(bool offered) => OffersLowBandwidthRendition = offered;

    public void KeepRecordingsFor(int? days)
    {
        if (days is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A retention period must be at least one day.");
        }

        RetentionDays = days;
    }
}
