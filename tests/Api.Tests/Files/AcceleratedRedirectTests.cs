using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>
/// Behind nginx (Storage:AcceleratedRedirectPrefix set) the API decides and nginx sends the file: an allowed request
/// gets the file's headers, an X-Accel-Redirect into nginx's internal location and no body; every refusal keeps its
/// problem response and names no file. Runs on an instance of its own with the setting on.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AcceleratedRedirectTests(ApiFixture api) : IAsyncLifetime
{
    private const string Prefix = "/_recording-files/";
    private const string Redirect = "X-Accel-Redirect";
    private static readonly byte[] Content = [.. Enumerable.Range(0, 2_500).Select(i => (byte)(i % 89))];

    private readonly MovableClock _clock = new();
    private ApiInstance _instance = null!;

    public Task InitializeAsync()
    {
        _instance = api.StartAnotherInstance(builder =>
        {
            builder.UseSetting("Storage:AcceleratedRedirectPrefix", Prefix);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _instance.DisposeAsync();

    [Fact]
    public async Task A_stream_names_the_file_for_nginx_with_its_media_type_and_sends_no_body()
    {
        var file = api.NewStoredFile(f => f.Write(Content), RecordingFormat.Ogg);
        var recordingId = await api.NewCompletedRecordingAsync(file);
        var student = await _instance.SignedInClientAsync(TestData.Student);
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{recordingId}/stream");
        range.Headers.Range = new RangeHeaderValue(100, 199);

        var response = await student.SendAsync(range);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues(Redirect).Should().Equal(Prefix + file.RelativePath);
        response.Content.Headers.ContentType!.MediaType.Should().Be("audio/ogg");
        response.Content.Headers.ContentDisposition.Should().BeNull();
        response.Headers.CacheControl.Should().Match<CacheControlHeaderValue>(c => c.Private && c.NoCache);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_download_names_the_attachment_as_without_nginx()
    {
        var file = api.NewStoredFile(f => f.Write(Content));
        var recordingId = await api.NewCompletedRecordingAsync(file, "درس التجويد");
        var student = await _instance.SignedInClientAsync(TestData.Student);
        var displayName = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!.DisplayName;

        var response = await student.GetAsync($"/api/recordings/{recordingId}/download");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues(Redirect).Should().Equal(Prefix + file.RelativePath);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.Should().Be(DownloadFileName.For(displayName, RecordingFormat.Mp4));
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Each_segment_of_the_files_path_is_escaped_in_the_redirect()
    {
        var relativePath = $"files/{Guid.NewGuid():N}/درس 1 #2.mp4";
        var fullPath = Path.Combine(api.StorageRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await File.WriteAllBytesAsync(fullPath, Content);
        var recordingId = await api.NewCompletedRecordingAsync(new RecordingFile(relativePath, Content.Length, RecordingFormat.Mp4));
        var student = await _instance.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/stream");

        var folder = relativePath.Split('/')[1];
        response.Headers.GetValues(Redirect).Should().Equal($"{Prefix}files/{folder}/%D8%AF%D8%B1%D8%B3%201%20%232.mp4");
    }

    [Fact]
    public async Task A_forbidden_request_gets_its_problem_and_no_redirect()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content)));
        var outsider = await _instance.SignedInClientAsync(TestData.Outsider);

        var response = await outsider.GetAsync($"/api/recordings/{recordingId}/download");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        response.Headers.Contains(Redirect).Should().BeFalse();
    }

    [Fact]
    public async Task An_expired_link_gets_its_problem_and_no_redirect()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content)));
        var student = await _instance.SignedInClientAsync(TestData.Student);
        var streamUrl = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!.StreamUrl!;
        (await _instance.AnonymousClient().GetAsync(streamUrl)).Headers.Contains(Redirect).Should().BeTrue();

        _clock.Advance(TimeSpan.FromMinutes(11));
        var response = await _instance.AnonymousClient().GetAsync(streamUrl);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "recording.link_expired");
        response.Headers.Contains(Redirect).Should().BeFalse();
    }

    [Fact]
    public async Task A_recording_without_a_file_yet_gets_its_problem_and_no_redirect()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await _instance.SignedInClientAsync(TestData.Teacher);
        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null))
            .Content.ReadFromJsonAsync<RecordingJson>())!;

        var response = await teacher.GetAsync($"/api/recordings/{started.Id}/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "recording.file_not_ready");
        response.Headers.Contains(Redirect).Should().BeFalse();
    }

    [Fact]
    public async Task A_file_missing_from_storage_gets_its_problem_and_no_redirect()
    {
        var recordingId = await api.NewCompletedRecordingAsync(new RecordingFile($"files/{Guid.NewGuid():N}.mp4", 1_000, RecordingFormat.Mp4));
        var student = await _instance.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.file_missing");
        response.Headers.Contains(Redirect).Should().BeFalse();
    }
}
