using System.Collections.Concurrent;
using System.Text.Json;
using ItqanRecording.LiveKitEmulator.Faults;
using ItqanRecording.LiveKitEmulator.Media;
using ItqanRecording.LiveKitEmulator.Uploads;
using Microsoft.Extensions.Options;

namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <summary>
/// What the egress worker does on its own after a call returns: send the start signal, and once the recording
/// ends, finalise the file (ffmpeg), write the manifest, upload both when the request named an <c>S3Upload</c>, and
/// complete or fail the egress.
/// </summary>
public sealed class EgressLifecycle(
    IOptions<EmulatorOptions> options,
    FaultState faults,
    MediaWriter media,
    S3Uploader uploader,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<EgressLifecycle> logger)
{
    private static readonly JsonSerializerOptions ManifestJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _work = new(StringComparer.Ordinal);

    public void ScheduleActivation(Egress egress) => Run(egress, async cancellationToken =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ActivationDelayMs), time, cancellationToken);
        if (faults.Current.HoldStarting)
        {
            logger.LogInformation("Egress {EgressId} held in EGRESS_STARTING by fault", egress.Id);
            return;
        }

        if (!egress.TryActivate(time.GetUtcNow()))
        {
            return;
        }

        logger.LogInformation("Egress {EgressId} is active", egress.Id);
        if (faults.Current.FileOutputLimitMs is > 0 and var limitMs)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(limitMs), time, cancellationToken);
            // Cleared in the meantime, the limit no longer applies.
            if (faults.Current.FileOutputLimitMs > 0 && egress.TryReachLimit(time.GetUtcNow()))
            {
                logger.LogInformation("Egress {EgressId} reached its time limit", egress.Id);
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ProcessingDelayMs), time, cancellationToken);
                await FinishAsync(egress, cancellationToken);
            }
        }
    });

    public void ScheduleFinish(Egress egress) => Run(egress, async cancellationToken =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ProcessingDelayMs), time, cancellationToken);
        await FinishAsync(egress, cancellationToken);
    });

    /// <summary>Finalises an ending egress now: writes the file and completes it, or fails it.</summary>
    public async Task FinishAsync(Egress egress, CancellationToken cancellationToken)
    {
        var ending = egress.Snapshot();
        if (ending.Status != EgressStatus.Ending)
        {
            return;
        }

        var output = ending.Output;
        if (faults.Current.FailFileWrite)
        {
            egress.TryFail(time.GetUtcNow(), $"open {output.Filename}: permission denied", StatusCodes.Status500InternalServerError);
            logger.LogInformation("Egress {EgressId} failed by fault", egress.Id);
            return;
        }

        try
        {
            await FinaliseAsync(egress, ending, cancellationToken);
        }
        finally
        {
            if (output.Upload is not null)
            {
                DeleteStaging(output);
            }
        }
    }

    private async Task FinaliseAsync(Egress egress, EgressSnapshot ending, CancellationToken cancellationToken)
    {
        var output = ending.Output;
        var mediaStart = ending.StartedAt ?? ending.EndingAt!.Value;
        var duration = MediaDuration(ending.EndingAt!.Value - mediaStart);
        var written = await media.WriteAsync(output.Media, output.LocalPath, duration, cancellationToken);
        if (written.Error is not null)
        {
            egress.TryFail(time.GetUtcNow(), written.Error, StatusCodes.Status500InternalServerError);
            logger.LogWarning("Egress {EgressId} failed: {Error}", egress.Id, written.Error);
            return;
        }

        var location = output.Filename;
        if (output.Upload is { } upload)
        {
            if (await uploader.UploadAsync(upload, output.LocalPath, output.Filename, output.Media.ContentType, cancellationToken) is { } failure)
            {
                egress.TryFail(time.GetUtcNow(), failure, StatusCodes.Status400BadRequest);
                logger.LogWarning("Egress {EgressId} failed: {Error}", egress.Id, failure);
                return;
            }

            location = upload.LocationOf(output.Filename);
        }

        var file = ending.File with
        {
            StartedAt = mediaStart,
            EndedAt = mediaStart + duration,
            Size = written.Size,
            Location = location,
            Duration = duration,
        };
        var now = time.GetUtcNow();
        string manifestLocation;
        try
        {
            manifestLocation = await WriteManifestAsync(ending, now, location, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            egress.TryFail(now, e.Message, StatusCodes.Status500InternalServerError);
            logger.LogWarning("Egress {EgressId} failed writing its manifest: {Error}", egress.Id, e.Message);
            return;
        }

        if (output.Upload is { } manifestUpload && output.ManifestFilename is { } manifestKey)
        {
            if (await uploader.UploadAsync(manifestUpload, output.ManifestLocalPath!, manifestKey, "application/json", cancellationToken) is { } failure)
            {
                egress.TryFail(now, failure, StatusCodes.Status400BadRequest);
                logger.LogWarning("Egress {EgressId} failed uploading its manifest: {Error}", egress.Id, failure);
                return;
            }

            manifestLocation = manifestUpload.LocationOf(manifestKey);
        }

        if (egress.TryComplete(now, file, manifestLocation))
        {
            logger.LogInformation("Egress {EgressId} complete: {Filename} ({Size} bytes)", egress.Id, file.Filename, file.Size);
        }
    }

    /// <summary>An uploading egress keeps nothing on its own disk once it is done.</summary>
    private void DeleteStaging(FileOutputPlan output)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(output.LocalPath)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written (the egress failed before its file).
        }
        catch (IOException e)
        {
            logger.LogWarning("Could not remove the staging folder of {Filename}: {Error}", output.Filename, e.Message);
        }
    }

    /// <summary>Stops whatever is still scheduled for this egress.</summary>
    public void Cancel(string egressId)
    {
        if (_work.TryRemove(egressId, out var work))
        {
            work.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var egressId in _work.Keys)
        {
            Cancel(egressId);
        }
    }

    private void Run(Egress egress, Func<CancellationToken, Task> work)
    {
        var cancellation = _work.GetOrAdd(egress.Id, _ => CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping));
        _ = RunAsync(egress.Id, work, cancellation.Token);
    }

    private async Task RunAsync(string egressId, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Scheduled work of egress {EgressId} cancelled", egressId);
        }
        catch (InvalidOperationException e)
        {
            logger.LogError(e, "Scheduled work of egress {EgressId} failed", egressId);
        }
    }

    /// <summary>Configured length, else the recorded time; at least 1 s and at most MaxMediaSeconds, in whole ms.</summary>
    private TimeSpan MediaDuration(TimeSpan recorded)
    {
        var seconds = Math.Clamp(options.Value.MediaSeconds ?? recorded.TotalSeconds, 1, options.Value.MaxMediaSeconds);
        return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
    }

    /// <summary>livekit/egress writes <c>&lt;egressId&gt;.json</c> beside the file unless <c>disableManifest</c>.</summary>
    private static async Task<string> WriteManifestAsync(
        EgressSnapshot egress, DateTimeOffset endedAt, string fileLocation, CancellationToken cancellationToken)
    {
        if (egress.Output.ManifestFilename is not { } manifestFilename)
        {
            return "";
        }

        var manifest = new Manifest(
            egress.EgressId,
            egress.Room.Sid,
            egress.Room.Name,
            EgressInfoMapper.Nanoseconds(egress.StartedAt),
            EgressInfoMapper.Nanoseconds(endedAt),
            [new ManifestFile(egress.Output.Filename, fileLocation)]);
        await File.WriteAllTextAsync(
            egress.Output.ManifestLocalPath!, JsonSerializer.Serialize(manifest, ManifestJson) + "\n", cancellationToken);
        return manifestFilename;
    }

    private sealed record Manifest(string EgressId, string RoomId, string RoomName, long StartedAt, long EndedAt, IReadOnlyList<ManifestFile> Files);

    private sealed record ManifestFile(string Filename, string Location);
}
