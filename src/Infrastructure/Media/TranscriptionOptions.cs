namespace ItqanRecording.Infrastructure.Media;

/// <summary>Which automatic transcriber this instance runs (section <c>Transcription</c>); none by default.</summary>
public sealed class TranscriptionOptions
{
    public const string SectionName = "Transcription";

    /// <summary>
    /// A program run as <c>COMMAND SPEECH.wav LANGUAGE</c> (<c>ar</c> or <c>en</c>) that writes the WebVTT transcript
    /// on its standard output and exits 0; empty for none. A wrapper around a speech recogniser and its model (the
    /// README shows one for whisper.cpp); the service bundles neither.
    /// </summary>
    public string Command { get; set; } = string.Empty;
}
