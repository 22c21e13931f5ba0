using System.Globalization;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressEnded;

/// <summary>What an ended egress leaves behind: a usable file, or a reason there is none.</summary>
public abstract record EgressOutcome
{
    public sealed record Finished(RecordingFile File, TimeSpan Duration, string? Note) : EgressOutcome;

    public sealed record Broken : EgressOutcome
    {
        /// <summary>Reasons are stored and shown; LiveKit's error text is not ours to trust with the length.</summary>
        private const int MaxReasonLength = 1000;

        public Broken(string reason)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reason);
            Reason = reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 1), "…");
        }

        public string Reason { get; }
    }

    /// <summary>
    /// Judges the end against the storage: the file must lie inside it and exist, and an uploaded object must be as
    /// long as LiveKit says it wrote. A completed file belongs to the current storage.
    /// </summary>
    public static async Task<EgressOutcome> OfAsync(EgressInfo egress, IRecordingStorage storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(egress);
        ArgumentNullException.ThrowIfNull(storage);
        if (egress.Status is EgressStatus.Failed or EgressStatus.Aborted)
        {
            var error = string.IsNullOrWhiteSpace(egress.Error) ? "no error given" : egress.Error;
            return new Broken(string.Create(
                CultureInfo.InvariantCulture,
                $"LiveKit {(egress.Status == EgressStatus.Aborted ? "aborted" : "failed")} the recording: {error}"));
        }

        if (egress.Status is not (EgressStatus.Complete or EgressStatus.LimitReached))
        {
            return new Broken($"LiveKit ended the recording with the unexpected status {egress.Status}.");
        }

        if (egress.FileResults.Count == 0)
        {
            return new Broken("LiveKit reported the recording complete but named no file.");
        }

        var result = egress.FileResults[0];
        var reported = string.IsNullOrEmpty(result.Location) ? result.Filename : result.Location;
        var relativePath = storage.ToRelativePath(result);
        if (relativePath is null)
        {
            return new Broken(
                $"The recording file '{reported}' lies outside the recordings storage, or is reached through a symbolic link, and was refused.");
        }

        var size = await storage.GetFileSizeAsync(relativePath, cancellationToken);
        if (size is null)
        {
            return new Broken($"The recording file '{reported}' was not found in the recordings storage.");
        }

        // An upload is a step of its own after the file was written, and a store may keep an older or partial object
        // under the key; a local file is the egress's own output, already checked to exist.
        if (storage.Current == StorageProvider.S3 && size != result.SizeBytes)
        {
            return new Broken(string.Create(
                CultureInfo.InvariantCulture,
                $"The recording file '{reported}' holds {size} bytes in the recordings storage, but LiveKit reported {result.SizeBytes}."));
        }

        var file = new RecordingFile(relativePath, result.SizeBytes, RecordingFormatExtensions.FromFileName(relativePath), storage.Current);
        var note = egress.Status == EgressStatus.LimitReached
            ? "The recording was cut at LiveKit's time or size limit; the file holds everything up to the limit."
            : null;
        return new Finished(file, result.Duration, note);
    }
}
