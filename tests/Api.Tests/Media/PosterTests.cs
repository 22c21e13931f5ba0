using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Media;

[Collection(MediaProcessingCollection.Name)]
public sealed class PosterTests(MediaProcessingApiFixture api)
{
    [Fact]
    public async Task A_completed_video_gets_a_poster_of_one_of_its_frames_that_its_students_can_fetch()
    {
        var (_, recorded) = await api.RecordThroughLiveKitAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var before = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recorded.Id}"))!;
        before.PosterState.Should().Be("queued");
        before.PosterUrl.Should().BeNull();
        await (await student.GetAsync($"/api/recordings/{recorded.Id}/poster")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.poster_missing");

        (await api.RunMediaJobsAsync()).Should().BeGreaterThan(0);

        var after = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recorded.Id}"))!;
        after.PosterState.Should().Be("done");
        after.PosterUrl.Should().StartWith($"/api/recordings/{recorded.Id}/poster?");
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        var poster = await anonymous.GetAsync(after.PosterUrl);
        poster.StatusCode.Should().Be(HttpStatusCode.OK, "the signed link stands in for the sign-in, as for the stream");
        poster.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        var saved = Path.Combine(Path.GetTempPath(), $"poster-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(saved, await poster.Content.ReadAsByteArrayAsync());
        try
        {
            var video = (await MediaProbe.StreamsAsync(await PathOfAsync(recorded.Id))).Single(s => s.CodecType == "video");
            var still = (await MediaProbe.StreamsAsync(saved)).Should().ContainSingle().Subject;
            still.CodecName.Should().Be("mjpeg");
            still.Width.Should().Be(Math.Min(1280, video.Width!.Value));
            (await MediaProbe.MeanBrightnessAsync(saved)).Should().BeGreaterThan(40, "a frame of the picture, not a black one");
        }
        finally
        {
            File.Delete(saved);
        }

        (await student.GetAsync($"/api/recordings/{recorded.Id}/poster")).StatusCode.Should().Be(HttpStatusCode.OK);
        var outsider = await api.SignedInClientAsync(TestData.Outsider);
        await (await outsider.GetAsync($"/api/recordings/{recorded.Id}/poster")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
    }

    [Fact]
    public async Task A_video_gets_seek_previews_a_thumbnails_track_places_on_its_timeline()
    {
        var (recordingId, _) = await api.NewCompletedVideoAsync(seconds: 25);
        await api.RunMediaJobsAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var recording = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
        recording.PreviewsState.Should().Be("done");

        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        var track = await anonymous.GetAsync(recording.PreviewsUrl);

        track.StatusCode.Should().Be(HttpStatusCode.OK);
        track.Content.Headers.ContentType!.MediaType.Should().Be("text/vtt");
        var lines = (await track.Content.ReadAsStringAsync()).Split('\n');
        lines[0].Should().Be("WEBVTT");
        var grid = SeekPreviewGrid.For(TimeSpan.FromSeconds(recording.DurationSeconds!.Value));
        var cues = lines.Where(l => l.Contains(" --> ", StringComparison.Ordinal)).ToList();
        cues.Should().HaveCount(grid.Count);
        cues[0].Should().Be($"00:00:00.000 --> 00:00:{grid.Interval.Seconds:00}.000");
        var images = lines.Where(l => l.Contains("#xywh=", StringComparison.Ordinal)).ToList();
        grid.Should().Be(new SeekPreviewGrid(TimeSpan.FromSeconds(2), 13), "a still every 2 s over 25 s, two rows");
        images.Should().HaveCount(grid.Count).And.OnlyContain(l => l.StartsWith($"/api/recordings/{recordingId}/previews?", StringComparison.Ordinal));
        images[12].Should().EndWith($"#xywh={2 * SeekPreviewGrid.TileWidth},{SeekPreviewGrid.TileHeight},{SeekPreviewGrid.TileWidth},{SeekPreviewGrid.TileHeight}");
        images[1].Should().EndWith($"#xywh={SeekPreviewGrid.TileWidth},0,{SeekPreviewGrid.TileWidth},{SeekPreviewGrid.TileHeight}");
        var sprite = await anonymous.GetAsync(images[0].Split('#')[0]);
        sprite.StatusCode.Should().Be(HttpStatusCode.OK, "the track's links are signed for the one who asked");
        sprite.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        var saved = Path.Combine(Path.GetTempPath(), $"previews-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(saved, await sprite.Content.ReadAsByteArrayAsync());
        try
        {
            var image = (await MediaProbe.StreamsAsync(saved)).Should().ContainSingle().Subject;
            (image.Width, image.Height).Should().Be((SeekPreviewGrid.Columns * SeekPreviewGrid.TileWidth, grid.Rows * SeekPreviewGrid.TileHeight));
            (await MediaProbe.MeanBrightnessAsync(saved)).Should().BeGreaterThan(40, "stills of the picture (the unused tiles are black)");
        }
        finally
        {
            File.Delete(saved);
        }
    }

    [Fact]
    public async Task Deleting_a_recording_with_its_file_removes_its_poster_too()
    {
        var (_, recorded) = await api.RecordThroughLiveKitAsync();
        await api.RunMediaJobsAsync();
        var poster = MediaOutputs.PosterOf(await PathOfAsync(recorded.Id));
        File.Exists(poster).Should().BeTrue();
        var admin = await api.SignedInClientAsync(TestData.Admin);

        (await admin.DeleteAsync($"/api/recordings/{recorded.Id}?removeFile=true")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        File.Exists(poster).Should().BeFalse();
    }

    [Fact]
    public async Task A_video_file_without_a_picture_fails_its_poster_at_once_and_still_streams()
    {
        var empty = api.NewStoredFile(_ => { });
        await TestMedia.WriteAudioOnlyMp4Async(Path.Combine(api.StorageRoot, empty.RelativePath));
        var file = new RecordingFile(empty.RelativePath, new FileInfo(Path.Combine(api.StorageRoot, empty.RelativePath)).Length, RecordingFormat.Mp4);
        var recordingId = await api.NewCompletedRecordingAsync(file);

        await api.RunMediaJobsAsync();

        var job = await PosterJobOfAsync(recordingId);
        job.State.Should().Be(MediaJobState.Failed);
        job.Attempts.Should().Be(1, "another attempt would fail the same way");
        job.LastError.Should().Contain("matches no streams");
        var student = await api.SignedInClientAsync(TestData.Student);
        (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!.PosterState.Should().Be("failed");
        (await student.GetAsync($"/api/recordings/{recordingId}/stream")).StatusCode.Should().Be(HttpStatusCode.OK, "the original stays playable");
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_tried_again_later_not_at_once()
    {
        var recordingId = await api.NewCompletedRecordingAsync(new RecordingFile($"files/{Guid.NewGuid():N}.mp4", 1_000, RecordingFormat.Mp4));
        var before = DateTimeOffset.UtcNow;

        await api.RunMediaJobsAsync();
        var job = await PosterJobOfAsync(recordingId);

        job.State.Should().Be(MediaJobState.Queued);
        job.Attempts.Should().Be(1);
        job.LastError.Should().Contain("missing from the Local storage");
        job.NextAttemptAt.Should().BeOnOrAfter(before + MediaJob.RetryDelayAfter(1));
        await api.RunMediaJobsAsync();
        (await PosterJobOfAsync(recordingId)).Attempts.Should().Be(1, "the next attempt is not due yet");
    }

    [Fact]
    public async Task Two_instances_claiming_at_once_never_get_the_same_job()
    {
        var recordings = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            recordings.Add(await api.NewCompletedRecordingAsync(new RecordingFile($"files/{Guid.NewGuid():N}.mp4", 1_000, RecordingFormat.Mp4)));
        }

        var ours = await api.WithDbAsync(db => db.MediaJobs.Where(j => recordings.Contains(j.RecordingId)).Select(j => j.Id).ToListAsync());

        var claims = await Task.WhenAll(ClaimAllAsync(), ClaimAllAsync());

        claims[0].Intersect(claims[1]).Should().BeEmpty();
        claims[0].Concat(claims[1]).Should().Contain(ours);
        claims.Should().OnlyContain(claimed => claimed.Count > 0, "both instances took part");
    }

    [Fact]
    public async Task A_stale_attempt_cannot_overwrite_the_attempt_of_the_instance_that_claimed_the_job_again()
    {
        var recordingId = await api.NewCompletedRecordingAsync(new RecordingFile($"files/{Guid.NewGuid():N}.mp4", 1_000, RecordingFormat.Mp4));
        var now = DateTimeOffset.UtcNow;
        await using var first = api.Services.CreateAsyncScope();
        await using var second = api.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<RecordingDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<RecordingDbContext>();
        var stale = await firstDb.MediaJobs.SingleAsync(j => j.RecordingId == recordingId && j.Task == MediaTask.Poster);
        stale.Claim(now, TimeSpan.FromMinutes(1));
        await firstDb.SaveChangesAsync();
        var taken = await secondDb.MediaJobs.SingleAsync(j => j.Id == stale.Id);
        taken.Claim(now + TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        await secondDb.SaveChangesAsync();

        stale.Succeed(now + TimeSpan.FromMinutes(2));
        var save = () => firstDb.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        var stored = await PosterJobOfAsync(recordingId);
        (stored.State, stored.Attempts).Should().Be((MediaJobState.Running, 2));
    }

    /// <summary>Claims due jobs, as one instance does, until none is left.</summary>
    private async Task<List<Guid>> ClaimAllAsync()
    {
        var claimed = new List<Guid>();
        await using var scope = api.Services.CreateAsyncScope();
        var queue = new PostgresMediaJobQueue(scope.ServiceProvider.GetRequiredService<RecordingDbContext>(), TimeProvider.System);
        while (await queue.ClaimNextAsync(TimeSpan.FromMinutes(15), CancellationToken.None) is { } jobId)
        {
            claimed.Add(jobId);
            await Task.Yield();
        }

        return claimed;
    }

    private Task<MediaJob> PosterJobOfAsync(Guid recordingId) =>
        api.WithDbAsync(db => db.MediaJobs.AsNoTracking().SingleAsync(j => j.RecordingId == recordingId && j.Task == MediaTask.Poster));

    private async Task<string> PathOfAsync(Guid recordingId) =>
        Path.Combine(api.StorageRoot, await api.WithDbAsync(db => db.Recordings.Where(r => r.Id == recordingId).Select(r => r.File!.RelativePath).SingleAsync()));
}
