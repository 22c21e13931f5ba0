using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Learning;
using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Learning;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Recordings.ProcessMedia;

/// <summary>
/// One attempt at a media job this instance has claimed (<see cref="IMediaJobQueue"/>): reads the recording's file
/// where it lies (a local path, or a presigned URL of the object), makes the output with the media tools in a
/// temporary folder, puts it beside the file in the same storage, and records how it went on the job. A failure is
/// tried again later (<see cref="MediaJob.FailAttempt"/>); the recording's own file is never touched, except by the
/// Join of a recording in parts, which makes it from the parts (<see cref="Recording.PartsJoined"/>). Answers the
/// job's state after the attempt, or null when the job is gone or was not this instance's to run.
/// </summary>
public sealed record ProcessMediaJobCommand(Guid JobId) : ICommand<MediaJobState?>;

public sealed class ProcessMediaJobHandler(
    IApplicationDbContext db,
    IRecordingStorage storage,
    IMediaTools tools,
    ITranscriber transcriber,
    TimeProvider clock,
    ILogger<ProcessMediaJobHandler> logger) : ICommandHandler<ProcessMediaJobCommand, MediaJobState?>
{
    /// <summary>How far into the video the poster is taken: a few seconds, past a black or still first frame.</summary>
    public static readonly TimeSpan PosterAt = TimeSpan.FromSeconds(5);

    public async ValueTask<MediaJobState?> Handle(ProcessMediaJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.MediaJobs.SingleOrDefaultAsync(j => j.Id == command.JobId, cancellationToken);
        if (job is not { State: MediaJobState.Running })
        {
            return null;
        }

        var recording = await db.Recordings.AsNoTracking()
            .Where(r => r.Id == job.RecordingId)
            .Select(r => new { r.Status, r.File, r.Duration, r.AcademyId, r.Parts })
            .SingleOrDefaultAsync(cancellationToken);
        if (recording is not { Status: RecordingStatus.Completed, File: { } file })
        {
            job.FailAttempt("The recording has no completed file (deleted or not completed).", clock.GetUtcNow(), final: true);
        }
        else
        {
            var withRendition = job.Task == MediaTask.Hls && await db.Academies.AsNoTracking()
                .AnyAsync(a => a.Id == recording.AcademyId && a.OffersLowBandwidthRendition, cancellationToken);
            await AttemptAsync(job, file, recording.AcademyId, recording.Parts, recording.Duration ?? TimeSpan.Zero, withRendition, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out while this attempt worked, and another instance claimed the job: its attempt counts.
            logger.LogWarning("Media job {JobId} was claimed again by another instance before this attempt ended", job.Id);
            return null;
        }

        return job.State;
    }

    private async Task AttemptAsync(
        MediaJob job,
        RecordingFile file,
        Guid academyId,
        IReadOnlyList<RecordingPart> parts,
        TimeSpan duration,
        bool withRendition,
        CancellationToken cancellationToken)
    {
        var workFolder = Directory.CreateTempSubdirectory($"itqan-media-{job.Id:N}-{job.Attempts}-");
        var output = Path.Combine(workFolder.FullName, "output");
        try
        {
            if (job.Task == MediaTask.Join)
            {
                await JoinAsync(job, file, parts, output, cancellationToken);
                job.Succeed(clock.GetUtcNow());
                logger.LogInformation("Media job {JobId}: the {Count} parts of recording {RecordingId} joined", job.Id, parts.Count, job.RecordingId);
                return;
            }

            var source = await storage.FindFileAsync(file.Store, file.RelativePath, new FileDelivery(file.Format.ContentType(), null), cancellationToken);
            if (source is null)
            {
                job.FailAttempt($"The recording's file '{file.RelativePath}' is missing from the {file.Store} storage.", clock.GetUtcNow());
                return;
            }

            if (MediaTasks.TranscriptLanguageOf(job.Task) is { } language)
            {
                await TranscribeAsync(job, academyId, SourceOf(source), language, output, cancellationToken);
                job.Succeed(clock.GetUtcNow());
                logger.LogInformation("Media job {JobId}: the {Language} transcript of recording {RecordingId} written", job.Id, language, job.RecordingId);
                return;
            }

            await MakeAsync(job.Task, file.Format, SourceOf(source), duration, output, cancellationToken);
            if (job.Task != MediaTask.Hls)
            {
                await storage.SaveFileAsync(
                    file.Store, MediaOutputs.PathOf(job.Task, file.RelativePath), output, MediaOutputs.ContentTypeOf(job.Task), cancellationToken);
            }
            else
            {
                if (withRendition)
                {
                    var rendition = output + "-360p";
                    await tools.MakeLowBandwidthHlsAsync(SourceOf(source), rendition, PlaylistOf(rendition), cancellationToken);
                    await SaveHlsVariantAsync(file, HlsVariant.Low, rendition, cancellationToken);
                }

                await SaveHlsVariantAsync(file, HlsVariant.Source, output, cancellationToken);
            }

            job.Succeed(clock.GetUtcNow());
            logger.LogInformation("Media job {JobId}: {Task} of recording {RecordingId} made", job.Id, job.Task, job.RecordingId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The instance is stopping: another (or this one, restarted) takes the job up at once, not after the lease.
            job.Release(clock.GetUtcNow());
            logger.LogInformation("Media job {JobId} of recording {RecordingId} given back: the instance is stopping", job.Id, job.RecordingId);
        }
        catch (Exception exception) when (exception is MediaToolException or StorageUnavailableException or InvalidDataException or IOException)
        {
            job.FailAttempt(exception.Message, clock.GetUtcNow(), final: exception is MediaToolException { IsFinal: true });
            logger.LogWarning(
                exception, "Media job {JobId} of recording {RecordingId}, attempt {Attempt}, failed: now {State}", job.Id, job.RecordingId, job.Attempts, job.State);
        }
        finally
        {
            workFolder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Joins the parts into the recording's file, puts it where the file is to lie, and tells the recording, which
    /// queues the jobs for the whole file (saved with this job's outcome).
    /// </summary>
    private async Task JoinAsync(MediaJob job, RecordingFile file, IReadOnlyList<RecordingPart> parts, string output, CancellationToken cancellationToken)
    {
        var sources = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            var found = await storage.FindFileAsync(
                part.File.Store, part.File.RelativePath, new FileDelivery(part.File.Format.ContentType(), null), cancellationToken)
                ?? throw new InvalidDataException($"Part {part.Number} of the recording, '{part.File.RelativePath}', is missing from the {part.File.Store} storage.");
            sources.Add(SourceOf(found));
        }

        await tools.JoinAsync(sources, file.Format, output, cancellationToken);
        await storage.SaveFileAsync(file.Store, file.RelativePath, output, file.Format.ContentType(), cancellationToken);
        var recording = await db.Recordings.SingleAsync(r => r.Id == job.RecordingId, cancellationToken);
        recording.PartsJoined(new FileInfo(output).Length, clock.GetUtcNow());
    }

    /// <summary>
    /// The recording's speech through the automatic transcriber into its transcript in <paramref name="language"/>,
    /// replacing the one there (a teacher asked for it); a text the transcript refuses (not WebVTT, too long) fails the
    /// job for good.
    /// </summary>
    private async Task TranscribeAsync(
        MediaJob job, Guid academyId, string source, TranscriptLanguage language, string output, CancellationToken cancellationToken)
    {
        var speech = output + ".wav";
        await tools.ExtractSpeechAsync(source, speech, cancellationToken);
        var webVtt = await transcriber.TranscribeAsync(speech, language, cancellationToken);
        try
        {
            await RecordingTranscripts.WriteAsync(db, job.RecordingId, academyId, language, webVtt, byUserId: null, clock.GetUtcNow(), cancellationToken);
        }
        catch (DomainException refused)
        {
            throw new MediaToolException($"The transcriber's output was refused: {refused.Message}", isFinal: true);
        }
    }

    /// <summary>Makes the job's output at <paramref name="output"/>: an audio recording's poster is its waveform.</summary>
    private Task MakeAsync(MediaTask task, RecordingFormat format, string source, TimeSpan duration, string output, CancellationToken cancellationToken) =>
        task switch
        {
            MediaTask.Poster when format == RecordingFormat.Ogg => tools.MakeWaveformAsync(source, output, cancellationToken),
            MediaTask.Poster => tools.MakePosterAsync(source, duration < 2 * PosterAt ? duration / 2 : PosterAt, output, cancellationToken),
            MediaTask.SeekPreviews => tools.MakeSeekPreviewsAsync(source, SeekPreviewGrid.For(duration), output, cancellationToken),
            MediaTask.AacCopy => tools.MakeAacCopyAsync(source, output, cancellationToken),
            MediaTask.Hls => tools.MakeHlsAsync(source, output, PlaylistOf(output), cancellationToken),
            _ => throw new MediaToolException($"No media tool makes {task}.", isFinal: true),
        };

    /// <summary>
    /// Puts one HLS variant beside the file: the segments' file first, then its playlist, so a playlist in storage
    /// never names a file that is not all there.
    /// </summary>
    private async Task SaveHlsVariantAsync(RecordingFile file, HlsVariant variant, string output, CancellationToken cancellationToken)
    {
        await storage.SaveFileAsync(
            file.Store, MediaOutputs.HlsMediaOf(file.RelativePath, variant), output, MediaOutputs.HlsMediaContentType, cancellationToken);
        await storage.SaveFileAsync(
            file.Store, MediaOutputs.HlsPlaylistOf(file.RelativePath, variant), PlaylistOf(output), MediaOutputs.HlsPlaylistContentType, cancellationToken);
    }

    /// <summary>Where the HLS playlist is written beside the segments' file at <paramref name="output"/>.</summary>
    private static string PlaylistOf(string output) => output + ".m3u8";

    private static string SourceOf(StoredFile file) => file switch
    {
        StoredFile.OnDisk onDisk => onDisk.PhysicalPath,
        StoredFile.AtPresignedUrl presigned => presigned.Url.AbsoluteUri,
        _ => throw new InvalidOperationException($"No media source for a stored file of type {file.GetType().Name}."),
    };
}
