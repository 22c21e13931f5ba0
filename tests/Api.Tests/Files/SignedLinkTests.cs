using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>Links a browser can follow without a bearer header (a &lt;video src&gt;), good for one recording, one action, a while.</summary>
[Collection(ApiCollection.Name)]
public sealed class SignedLinkTests(ApiFixture api) : IAsyncLifetime
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 3_000).Select(i => (byte)(i % 199))];

    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_completed_recording_carries_links_for_the_user_that_expire_in_ten_minutes()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var recording = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;

        recording.StreamUrl.Should().MatchRegex(
            $@"^/api/recordings/{recordingId}/stream\?expires=\d+&u={DemoData.StudentId}&sig=[A-Za-z0-9_-]+$");
        recording.DownloadUrl.Should().StartWith($"/api/recordings/{recordingId}/download?expires=");
        recording.LinksExpireAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(10), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Every_response_that_shows_a_completed_recording_carries_its_links()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var sessionId = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!.SessionId;

        var list = (await student.GetFromJsonAsync<List<RecordingJson>>($"/api/sessions/{sessionId}/recordings"))!;

        list.Should().ContainSingle().Which.StreamUrl.Should().Contain($"u={DemoData.StudentId}");
    }

    [Fact]
    public async Task A_recording_without_a_file_carries_no_links()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null))
            .Content.ReadFromJsonAsync<RecordingJson>())!;
        var session = (await teacher.GetFromJsonAsync<SessionLinksJson>($"/api/sessions/{sessionId}"))!;

        started.Status.Should().Be("recording");
        started.Should().Match<RecordingJson>(r => r.StreamUrl == null && r.DownloadUrl == null && r.LinksExpireAt == null);
        session.ActiveRecording!.StreamUrl.Should().BeNull();
    }

    [Fact]
    public async Task An_anonymous_browser_streams_and_seeks_with_the_stream_link()
    {
        var (_, links) = await NewRecordingWithLinksAsync();
        var browser = api.AnonymousClient();

        var whole = await browser.GetAsync(links.StreamUrl);
        using var seek = new HttpRequestMessage(HttpMethod.Get, links.StreamUrl);
        seek.Headers.Range = new RangeHeaderValue(2_000, 2_099);
        var part = await browser.SendAsync(seek);

        whole.StatusCode.Should().Be(HttpStatusCode.OK);
        (await whole.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(Content[2_000..2_100]);
    }

    [Fact]
    public async Task An_anonymous_browser_downloads_with_the_download_link()
    {
        var (_, links) = await NewRecordingWithLinksAsync();

        var response = await api.AnonymousClient().GetAsync(links.DownloadUrl);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
    }

    [Fact]
    public async Task An_expired_link_is_unauthorized()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var signer = api.Services.GetRequiredService<DataProtectionRecordingLinkSigner>();
        var expired = signer.Sign(recordingId, RecordingFileAction.Stream, DemoData.StudentId, DateTimeOffset.UtcNow.AddSeconds(-1));

        var response = await api.AnonymousClient().GetAsync(expired.Url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "recording.link_expired");
    }

    [Fact]
    public async Task A_link_is_refused_for_another_recording()
    {
        var (recordingId, links) = await NewRecordingWithLinksAsync();
        var other = await NewRecordingWithFileAsync();

        var response = await api.AnonymousClient().GetAsync(links.StreamUrl.Replace(recordingId.ToString(), other.ToString()));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.link_invalid");
    }

    [Fact]
    public async Task A_stream_link_does_not_download()
    {
        var (_, links) = await NewRecordingWithLinksAsync();

        var response = await api.AnonymousClient().GetAsync(links.StreamUrl.Replace("/stream?", "/download?"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.link_invalid");
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("expiry")]
    [InlineData("user")]
    public async Task A_tampered_link_is_refused(string tampered)
    {
        var (_, links) = await NewRecordingWithLinksAsync();
        var url = links.StreamUrl;
        var signature = url[(url.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        var middle = signature.Length / 2;
        var expires = links.ExpiresAt.ToUnixTimeSeconds();
        var forged = tampered switch
        {
            "signature" => url.Replace(signature, signature[..middle] + (signature[middle] == 'A' ? 'B' : 'A') + signature[(middle + 1)..]),
            "expiry" => url.Replace($"expires={expires}", $"expires={expires + 86_400}"),
            _ => url.Replace($"u={DemoData.StudentId}", $"u={DemoData.AdminId}"),
        };
        forged.Should().NotBe(url);

        var response = await api.AnonymousClient().GetAsync(forged);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.link_invalid");
    }

    [Fact]
    public async Task A_link_stops_working_when_its_user_may_no_longer_see_the_recording()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var outsiderLink = api.Services.GetRequiredService<DataProtectionRecordingLinkSigner>()
            .Sign(recordingId, RecordingFileAction.Stream, DemoData.OutsiderId, DateTimeOffset.UtcNow.AddMinutes(5));

        var response = await api.AnonymousClient().GetAsync(outsiderLink.Url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
    }

    private Task<Guid> NewRecordingWithFileAsync() => api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content)));

    /// <summary>A completed recording, and the links a student got with it.</summary>
    private async Task<(Guid RecordingId, StudentLinks Links)> NewRecordingWithLinksAsync()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var recording = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
        return (recordingId, new StudentLinks(recording.StreamUrl!, recording.DownloadUrl!, recording.LinksExpireAt!.Value));
    }

    private sealed record StudentLinks(string StreamUrl, string DownloadUrl, DateTimeOffset ExpiresAt);

    private sealed record SessionLinksJson(RecordingJson? ActiveRecording);
}
