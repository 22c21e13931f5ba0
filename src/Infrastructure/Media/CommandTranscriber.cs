using ItqanRecording.Application.Common;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Learning;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Media;

/// <summary>
/// The transcriber port over a command-line program (<see cref="TranscriptionOptions.Command"/>), at the media
/// jobs' <c>nice</c> level. A program that cannot start or exits non-zero fails the attempt, with its error output
/// as the reason; the job is tried again later.
/// </summary>
public sealed class CommandTranscriber(IOptions<TranscriptionOptions> options, IOptions<MediaProcessingOptions> media) : ITranscriber
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Command);

    public async Task<string> TranscribeAsync(string speechPath, TranscriptLanguage language, CancellationToken cancellationToken)
    {
        var command = options.Value.Command;
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new MediaToolException("No automatic transcriber is configured (Transcription__Command).", isFinal: true);
        }

        return await NicedProgram.RunAsync(
            "The transcriber", command, [speechPath, WireNames.Of(language)], media.Value.Niceness, isFinal: null, cancellationToken);
    }
}
