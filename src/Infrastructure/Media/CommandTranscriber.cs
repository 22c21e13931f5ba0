using System.ComponentModel;
using System.Diagnostics;
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

        var start = new ProcessStartInfo("nice")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-n", media.Value.Niceness.ToString(System.Globalization.CultureInfo.InvariantCulture), command, speechPath, WireNames.Of(language) },
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MediaToolException($"The transcriber '{command}' could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw new MediaToolException($"The transcriber '{command}' could not be started: {exception.Message}");
        }

        using (process)
        {
            var transcript = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                var reason = (await errors).Trim();
                throw new MediaToolException($"The transcriber exited with code {process.ExitCode}: {(reason.Length > 0 ? reason : "no message")}");
            }

            return await transcript;
        }
    }
}
