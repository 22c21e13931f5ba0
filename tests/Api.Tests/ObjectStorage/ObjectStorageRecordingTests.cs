using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Amazon.S3.Model;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.ObjectStorage;

/// <summary>
/// With <c>Storage:Provider=S3</c> a recording goes from Start to the player through the object store: the egress
/// uploads it, <c>egress_ended</c> is checked against the object, and the file endpoints authorise as always and then
/// redirect to a presigned GET that the real gateway answers, Range included.
/// </summary>
[Collection(ObjectStorageApiCollection.Name)]
public sealed class ObjectStorageRecordingTests(ObjectStorageApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_recording_is_uploaded_below_the_key_prefix_and_completed_against_its_object()
    {
        var (teacher, recording) = await api.RecordThroughLiveKitAsync();

        var file = await FileOfAsync(recording.Id);
        file.Store.Should().Be(StorageProvider.S3);
        file.RelativePath.Should().StartWith("interactive/");
        using var s3 = api.S3();
        var stored = await s3.GetObjectMetadataAsync(api.Bucket, ObjectStorageApiFixture.KeyPrefix + file.RelativePath);
        stored.ContentLength.Should().Be(file.SizeBytes).And.BeGreaterThan(0);
        Directory.GetFiles(api.StorageRoot, Path.GetFileName(file.RelativePath), SearchOption.AllDirectories)
            .Should().BeEmpty("the file went to the bucket, not to the local folder");
        (await teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recording.Id}"))!.File!.SizeBytes.Should().Be(file.SizeBytes);
    }

    [Fact]
    public async Task Streaming_redirects_to_a_presigned_GET_that_the_gateway_answers_with_the_range()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        var file = await FileOfAsync(recording.Id);
        var student = await SignedInWithoutRedirectsAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recording.Id}/stream");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.CacheControl!.Private.Should().BeTrue("a presigned URL is this user's alone");
        response.Headers.CacheControl.NoCache.Should().BeTrue("the next request must be authorised again");
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Authority).Should().Be(api.Gateway.Endpoint.GetLeftPart(UriPartial.Authority));
        using var store = new HttpClient();
        using var range = new HttpRequestMessage(HttpMethod.Get, location) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        var part = await store.SendAsync(range);
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        part.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 100-199/{file.SizeBytes}");
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal((await ObjectBytesAsync(file))[100..200]);
    }

    [Fact]
    public async Task The_poster_is_made_from_the_object_put_beside_it_in_the_bucket_and_redirected_to_like_the_file()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        var file = await FileOfAsync(recording.Id);

        await api.RunMediaJobsAsync();

        using var s3 = api.S3();
        var posterKey = ObjectStorageApiFixture.KeyPrefix + MediaOutputs.PosterOf(file.RelativePath);
        (await s3.GetObjectMetadataAsync(api.Bucket, posterKey)).ContentLength.Should().BeGreaterThan(0);
        var student = await SignedInWithoutRedirectsAsync(TestData.Student);
        var response = await student.GetAsync($"/api/recordings/{recording.Id}/poster");
        response.StatusCode.Should().Be(HttpStatusCode.Found);
        using var store = new HttpClient();
        var poster = await store.GetAsync(response.Headers.Location);
        poster.StatusCode.Should().Be(HttpStatusCode.OK);
        poster.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");

        var admin = await api.SignedInClientAsync(TestData.Admin);
        (await admin.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var head = () => s3.GetObjectMetadataAsync(api.Bucket, posterKey);
        (await head.Should().ThrowAsync<Amazon.S3.AmazonS3Exception>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_app_lets_its_player_follow_the_redirect_to_the_object_store()
    {
        var page = await api.AnonymousClient().GetAsync("/");

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        policy.Split(';', StringSplitOptions.TrimEntries).Should().Contain(
            $"media-src 'self' blob: {api.Gateway.Endpoint.GetLeftPart(UriPartial.Authority)}",
            "a browser checks the target of a media redirect against media-src");
    }

    [Fact]
    public async Task A_download_redirects_to_a_GET_that_saves_under_the_recordings_readable_name()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        var student = await SignedInWithoutRedirectsAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recording.Id}/download");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        using var store = new HttpClient();
        var saved = await store.GetAsync(response.Headers.Location);
        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        var disposition = saved.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        disposition.FileNameStar.Should().Be(DownloadFileName.For(recording.DisplayName, RecordingFormat.Mp4));
    }

    [Fact]
    public async Task A_student_outside_the_course_gets_no_link_to_the_object()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        var outsider = await SignedInWithoutRedirectsAsync(TestData.Outsider);

        var response = await outsider.GetAsync($"/api/recordings/{recording.Id}/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        response.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task An_object_deleted_by_hand_is_a_missing_file_not_an_error()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        var file = await FileOfAsync(recording.Id);
        using var s3 = api.S3();
        await s3.DeleteObjectAsync(api.Bucket, ObjectStorageApiFixture.KeyPrefix + file.RelativePath);
        var student = await SignedInWithoutRedirectsAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recording.Id}/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.file_missing");
    }

    [Fact]
    public async Task Two_instances_behind_the_balancer_on_one_bucket_start_on_one_complete_on_the_other_and_both_hand_out_the_object()
    {
        var secondServed = new RequestCounter();
        await using var second = api.StartAnotherInstance(secondServed.CountRequestsOf);
        await using var balancer = await LoadBalancer.StartAsync(api.StorageRoot, api.BaseAddress, second.BaseAddress);
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacherOnSecond = await second.SignedInClientAsync(TestData.Teacher);
        var started = (await (await teacherOnSecond.PostAsync($"/api/sessions/{sessionId}/recordings", null)).Content.ReadFromJsonAsync<RecordingJson>())!;
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);
        (await teacherOnSecond.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        // LiveKit's webhooks go to the fixture's instance, not to the one that started the recording.
        var completed = await Poll.UntilAsync(
            () => teacherOnSecond.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}")!, r => r!.Status is "completed" or "failed");
        completed!.Status.Should().Be("completed", completed.Error);
        var bytes = await ObjectBytesAsync(await FileOfAsync(started.Id));
        var student = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = balancer.BaseAddress };
        await ApiFixture.SignInAsync(student, TestData.Student, TestData.Password);
        using var store = new HttpClient();
        var servedBefore = secondServed.Count;
        const int Requests = 6;
        for (var i = 0; i < Requests; i++)
        {
            var response = await student.GetAsync($"/api/recordings/{started.Id}/stream");

            response.StatusCode.Should().Be(HttpStatusCode.Found);
            using var range = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
            range.Headers.Range = new RangeHeaderValue(100 * i, (100 * i) + 99);
            var fromStore = await store.SendAsync(range);
            fromStore.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            (await fromStore.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[(100 * i)..((100 * i) + 100)]);
        }

        // nginx took turns: the second instance handed out some of the links, the fixture's instance the others.
        secondServed.Count.Should().BeInRange(servedBefore + 1, servedBefore + Requests - 1);
    }

    [Fact]
    public async Task Behind_nginx_set_to_fetch_objects_the_client_gets_the_bytes_from_our_origin_and_never_the_stores_address()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        var file = await FileOfAsync(recording.Id);
        var bytes = await ObjectBytesAsync(file);
        await using var proxied = api.StartAnotherInstance(builder => builder.UseSetting("Storage:S3:AcceleratedRedirectPrefix", "/_recording-objects/"));
        await using var front = await LoadBalancer.StartWithObjectStoreAsync(api.StorageRoot, api.Gateway.Endpoint, proxied.BaseAddress);
        var student = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = front.BaseAddress };
        await ApiFixture.SignInAsync(student, TestData.Student, TestData.Password);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{recording.Id}/stream") { Headers = { Range = new RangeHeaderValue(100, 199) } };
        var part = await student.SendAsync(ranged);

        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        part.Headers.Location.Should().BeNull();
        part.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        part.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 100-199/{file.SizeBytes}");
        part.Headers.CacheControl!.Private.Should().BeTrue("a recording is this user's alone");
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[100..200]);
        part.Headers.Contains("x-amz-request-id").Should().BeFalse("the store's own headers stay behind nginx");
        part.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], "the answer is the store's, and nginx adds what the API would");
        part.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        part.Headers.GetValues("Content-Security-Policy").Should().Equal("frame-ancestors 'none'");
        var page = await student.GetAsync($"/api/recordings/{recording.Id}");
        page.Headers.GetValues("Content-Security-Policy").Single().Should()
            .NotContain(api.Gateway.Endpoint.GetLeftPart(UriPartial.Authority), "media come from our own origin");
        var download = await student.GetAsync($"/api/recordings/{recording.Id}/download");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(DownloadFileName.For(recording.DisplayName, RecordingFormat.Mp4));
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        (await student.GetAsync($"/_recording-objects/{api.Bucket}/{ObjectStorageApiFixture.KeyPrefix}{file.RelativePath}"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "the location is internal");
        var outsider = new HttpClient { BaseAddress = front.BaseAddress };
        await ApiFixture.SignInAsync(outsider, TestData.Outsider, TestData.Password);
        await (await outsider.GetAsync($"/api/recordings/{recording.Id}/stream")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
    }

    [Fact]
    public async Task A_store_out_of_reach_is_a_named_outage_to_try_again_later()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        await using var cutOff = api.StartAnotherInstance(builder =>
            builder.UseSetting("Storage:S3:ServiceUrl", $"http://127.0.0.1:{FreeTcpPort.Next()}/"));
        var student = await cutOff.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recording.Id}/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service.storage_unavailable");
        response.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task Deleting_with_the_file_removes_the_object()
    {
        var (_, recording) = await api.RecordThroughLiveKitAsync();
        var file = await FileOfAsync(recording.Id);
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var s3 = api.S3();
        var head = () => s3.GetObjectMetadataAsync(api.Bucket, ObjectStorageApiFixture.KeyPrefix + file.RelativePath);
        (await head.Should().ThrowAsync<Amazon.S3.AmazonS3Exception>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_egress_that_names_an_object_not_in_the_bucket_fails_the_recording_with_the_reason()
    {
        var recording = await ProcessingRecordingAsync();
        var missingKey = $"{ObjectStorageApiFixture.KeyPrefix}interactive/{Guid.NewGuid():N}.mp4";

        await SendEgressEndedAsync(recording.EgressId, missingKey);

        var failed = await FailedAsync(recording.Id);
        failed.Error.Should().Contain(missingKey).And.Contain("not found");
    }

    [Fact]
    public async Task An_object_shorter_than_LiveKit_reported_fails_the_recording_with_both_sizes()
    {
        var recording = await ProcessingRecordingAsync();
        var key = $"{ObjectStorageApiFixture.KeyPrefix}interactive/{Guid.NewGuid():N}.mp4";
        await PutObjectAsync(key, new byte[1000]);

        await SendEgressEndedAsync(recording.EgressId, key, reportedSize: 45_678_901);

        var failed = await FailedAsync(recording.Id);
        failed.Error.Should().Contain("1000 bytes").And.Contain("45678901");
    }

    [Fact]
    public async Task An_object_outside_the_key_prefix_is_refused_even_when_it_exists()
    {
        var recording = await ProcessingRecordingAsync();
        var key = $"elsewhere/{Guid.NewGuid():N}.mp4";
        await PutObjectAsync(key, new byte[1000]);

        await SendEgressEndedAsync(recording.EgressId, key, reportedSize: 1000);

        var failed = await FailedAsync(recording.Id);
        failed.Error.Should().Contain("outside the recordings storage");
    }

    [Fact]
    public async Task A_recording_from_before_the_move_is_still_streamed_from_the_local_folder()
    {
        byte[] content = [.. Enumerable.Range(0, 500).Select(i => (byte)i)];
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(content)));
        var student = await SignedInWithoutRedirectsAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/stream");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(content);
    }

    /// <summary>A recording whose egress was stopped and whose end has not been reported yet.</summary>
    private async Task<Domain.Recordings.Recording> ProcessingRecordingAsync()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        return await api.WithDbAsync(async db =>
        {
            var session = await TestData.LoadSessionAsync(db, sessionId);
            var recording = Domain.Recordings.Recording.Start(session, $"EG_{Guid.NewGuid():N}", session.TeacherId, TestData.JustNow()).Recording;
            recording.MarkProcessing(session.TeacherId, TestData.JustNow());
            db.Recordings.Add(recording);
            await db.SaveChangesAsync();
            return recording;
        });
    }

    /// <summary>LiveKit's <c>egress_ended</c> fixture for the egress, naming <paramref name="key"/> as an S3 upload reports it.</summary>
    private async Task SendEgressEndedAsync(string egressId, string key, long? reportedSize = null)
    {
        var body = LiveKitWebhooks.For("webhook.egress_ended.complete.json", egressId)
            .Replace($"\"location\": \"{LiveKitWebhooks.FixtureFilePath}\"", $"\"location\": \"https://{api.Bucket}.s3.amazonaws.com/{key}\"", StringComparison.Ordinal)
            .Replace(LiveKitWebhooks.FixtureFilePath, key, StringComparison.Ordinal);
        if (reportedSize is { } size)
        {
            body = body.Replace("\"size\": \"45678901\"", $"\"size\": \"{size}\"", StringComparison.Ordinal);
        }

        var response = await api.AnonymousClient().PostSignedAsync(body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<RecordingJson> FailedAsync(Guid recordingId)
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);
        var ended = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}")!, r => r!.Status != "processing");
        ended!.Status.Should().Be("failed");
        return ended;
    }

    private async Task PutObjectAsync(string key, byte[] content)
    {
        using var s3 = api.S3();
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = api.Bucket,
            Key = key,
            InputStream = new MemoryStream(content),
            UseChunkEncoding = false,
        });
    }

    private Task<RecordingFile> FileOfAsync(Guid recordingId) =>
        api.WithDbAsync(async db => (await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recordingId)).File!);

    private async Task<byte[]> ObjectBytesAsync(RecordingFile file)
    {
        using var s3 = api.S3();
        using var stored = await s3.GetObjectAsync(api.Bucket, ObjectStorageApiFixture.KeyPrefix + file.RelativePath);
        using var bytes = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private async Task<HttpClient> SignedInWithoutRedirectsAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.BaseAddress };
        await ApiFixture.SignInAsync(client, email, TestData.Password);
        return client;
    }
}
