using ItqanRecording.Domain.Common;

namespace ItqanRecording.Domain.Learning;

/// <summary>The languages a recording's transcript comes in: the academy's classes are taught in Arabic and English.</summary>
public enum TranscriptLanguage
{
    Ar,
    En,
}

/// <summary>
/// What was said in a recording, as a WebVTT captions file in one language, uploaded or edited by its teacher (or
/// written by an automatic transcriber). The player shows it as captions; <see cref="SearchableText"/> (its cues'
/// words, <see cref="SearchText.Normalize">normalised</see>) lets My recordings and the catalogue find the
/// recording by what was said in it.
/// </summary>
public sealed class RecordingTranscript
{
    /// <summary>The largest WebVTT file a transcript may be: a three-hour class of dense speech is about 400 KB.</summary>
    public const int MaxLength = 2_000_000;

    private RecordingTranscript()
    {
        WebVtt = string.Empty;
        SearchableText = string.Empty;
    }

    public Guid RecordingId { get; private set; }

    public Guid AcademyId { get; private set; }

    public TranscriptLanguage Language { get; private set; }

    public string WebVtt { get; private set; }

    /// <summary>The cues' text without timings, settings or tags, normalised for search.</summary>
    public string SearchableText { get; private set; }

    /// <summary>Who wrote the text last; null when the automatic transcriber did.</summary>
    public Guid? UpdatedByUserId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A new transcript written by <paramref name="byUserId"/>, or by the automatic transcriber when null.</summary>
    public static RecordingTranscript Create(Guid recordingId, Guid academyId, TranscriptLanguage language, string webVtt, Guid? byUserId, DateTimeOffset at)
    {
        var transcript = new RecordingTranscript { RecordingId = recordingId, AcademyId = academyId, Language = language };
        transcript.Replace(webVtt, byUserId, at);
        return transcript;
    }

    /// <summary>A new text; refused unless it is a WebVTT file (its first line <c>WEBVTT</c>) of at most <see cref="MaxLength"/> characters.</summary>
    public void Replace(string webVtt, Guid? byUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(webVtt);
        var text = webVtt.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        if (!IsWebVtt(text))
        {
            throw new DomainException("transcript.not_webvtt", "A transcript is a WebVTT file: its first line is WEBVTT.");
        }

        if (text.Length > MaxLength)
        {
            throw new DomainException("transcript.too_large", $"A transcript is at most {MaxLength} characters.");
        }

        WebVtt = text;
        SearchableText = SearchText.Normalize(string.Join(' ', CueText(text)));
        UpdatedByUserId = byUserId;
        UpdatedAt = at;
    }

    /// <summary>Whether the text is a WebVTT file: its first line is <c>WEBVTT</c>, alone or followed by a space or tab.</summary>
    public static bool IsWebVtt(string? text)
    {
        var body = text?.TrimStart('\uFEFF');
        return body is not null && body.StartsWith("WEBVTT", StringComparison.Ordinal) && (body.Length == 6 || body[6] is ' ' or '\t' or '\n' or '\r');
    }

    /// <summary>The lines of the cues' payloads: not the header, cue identifiers, timings, notes or styles, and without tags.</summary>
    private static IEnumerable<string> CueText(string webVtt)
    {
        foreach (var block in webVtt.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n');
            var timing = Array.FindIndex(lines, l => l.Contains("-->", StringComparison.Ordinal));
            if (timing < 0)
            {
                continue;
            }

            foreach (var line in lines.Skip(timing + 1))
            {
                yield return System.Text.RegularExpressions.Regex.Replace(line, "<[^>]*>", string.Empty);
            }
        }
    }
}
