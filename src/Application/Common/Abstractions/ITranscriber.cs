using ItqanRecording.Domain.Learning;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// An automatic transcriber: speech in, the words said with their times out, as a WebVTT file. None is bundled (no
/// model ships with the service); an operator plugs one in (<c>Transcription__Command</c>), and the transcript media
/// jobs run it (<see cref="Domain.Recordings.Media.MediaTask.ArabicTranscript"/>).
/// </summary>
public interface ITranscriber
{
    /// <summary>Whether one is configured; asking for an automatic transcript is refused without.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// The WebVTT transcript in <paramref name="language"/> of the speech at <paramref name="speechPath"/> (as
    /// <see cref="IMediaTools.ExtractSpeechAsync"/> writes it). Throws <see cref="MediaToolException"/> when it cannot.
    /// </summary>
    Task<string> TranscribeAsync(string speechPath, TranscriptLanguage language, CancellationToken cancellationToken);
}
