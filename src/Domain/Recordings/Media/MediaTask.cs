using ItqanRecording.Domain.Learning;

namespace ItqanRecording.Domain.Recordings.Media;

/// <summary>What a media job makes from a completed recording's file; the original stays the source of truth.</summary>
public enum MediaTask
{
    /// <summary>
    /// The picture of the recording for the player and the lists (<see cref="MediaOutputs.PosterOf"/>): a still of a
    /// video a few seconds in; the waveform of an audio recording.
    /// </summary>
    Poster,

    /// <summary>
    /// An AAC (.m4a) copy of an audio recording (<see cref="MediaOutputs.AacCopyOf"/>), for the phones that cannot play
    /// Ogg/Opus (Safari before iOS 18.4).
    /// </summary>
    AacCopy,

    /// <summary>
    /// A video's seek previews: one sprite of small stills (<see cref="SeekPreviewGrid"/>,
    /// <see cref="MediaOutputs.SeekPreviewsOf"/>), shown above the seek bar through a WebVTT thumbnails track.
    /// </summary>
    SeekPreviews,

    /// <summary>
    /// A video packaged for HLS by stream copy, nothing encoded again: one fragmented-MP4 file of segments
    /// (<see cref="MediaOutputs.HlsMediaOf"/>) and its media playlist, which names them as byte ranges of that file
    /// (<see cref="MediaOutputs.HlsPlaylistOf"/>). For players that stream HLS rather than fetch one MP4.
    /// </summary>
    Hls,

    /// <summary>
    /// The parts of a recording that LiveKit cut at its time limit, joined by stream copy into one file, the
    /// recording's own (<see cref="MediaOutputs.JoinedOf"/>); the other jobs follow once it is made.
    /// </summary>
    Join,

    /// <summary>
    /// What was said, in Arabic, written by the configured automatic transcriber (none is bundled) into the
    /// recording's Arabic transcript (<see cref="Learning.RecordingTranscript"/>); queued only when a teacher asks
    /// (<see cref="Recording.QueueTranscript"/>).
    /// </summary>
    ArabicTranscript,

    /// <summary>The same in English: the recording's English transcript.</summary>
    EnglishTranscript,
}

public static class MediaTasks
{
    /// <summary>The tasks that write an automatic transcript, one a language.</summary>
    public static readonly IReadOnlyList<MediaTask> Transcripts = [MediaTask.ArabicTranscript, MediaTask.EnglishTranscript];

    /// <summary>The task that writes the automatic transcript in <paramref name="language"/>.</summary>
    public static MediaTask TranscriptIn(TranscriptLanguage language) => language switch
    {
        TranscriptLanguage.Ar => MediaTask.ArabicTranscript,
        TranscriptLanguage.En => MediaTask.EnglishTranscript,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>The language a transcript task writes in; null for the tasks that make files.</summary>
    public static TranscriptLanguage? TranscriptLanguageOf(MediaTask task) => task switch
    {
        MediaTask.ArabicTranscript => TranscriptLanguage.Ar,
        MediaTask.EnglishTranscript => TranscriptLanguage.En,
        _ => null,
    };
}
