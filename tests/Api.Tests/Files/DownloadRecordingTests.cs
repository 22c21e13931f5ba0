using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Files;

[Collection(ApiCollection.Name)]
public sealed class DownloadRecordingTests(ApiFixture api)
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 2_000).Select(i => (byte)(i % 256))];

    [Fact]
    public async Task A_download_is_an_attachment_named_after_the_recording()
    {
        var (recordingId, displayName) = await NewRecordingAsync("Tajweed Foundations");
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/download");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        displayName.Should().MatchRegex(@"^Tajweed Foundations - Session 1 - \d{4}-\d{2}-\d{2} \d{2}:\d{2}$");
        // The start's hour and minute are named with a colon, which no file name may hold.
        var saved = displayName.Replace(':', '_');
        disposition.FileNameStar.Should().Be($"{saved}.mp4");
        disposition.FileName.Should().Be($"{saved}.mp4");
        response.Content.Headers.GetValues("Content-Disposition").Should().Equal(
            $"attachment; filename=\"{saved}.mp4\"; filename*=UTF-8''{Uri.EscapeDataString(saved)}.mp4");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
    }

    [Fact]
    public async Task An_arabic_name_survives_in_filename_star_with_an_ascii_fallback_beside_it()
    {
        var (recordingId, displayName) = await NewRecordingAsync("درس التجويد");
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/download");

        var disposition = response.Content.Headers.ContentDisposition!;
        displayName.Should().StartWith("درس التجويد - Session 1 - ");
        disposition.FileNameStar.Should().Be($"{displayName.Replace(':', '_')}.mp4");
        disposition.FileName.Should().MatchRegex(@"^[\x20-\x7E]+ - Session 1 - \d{4}-\d{2}-\d{2} \d{2}_\d{2}\.mp4$");
    }

    [Fact]
    public async Task Path_separators_quotes_and_control_characters_never_reach_the_file_name()
    {
        var (recordingId, displayName) = await NewRecordingAsync("Tajweed: \"Rules\" / Part\\1\t?");
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/download");

        var expected = $"Tajweed_ _Rules_ _ Part_1__ - Session 1 - {displayName[^16..].Replace(':', '_')}.mp4";
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.FileNameStar.Should().Be(expected);
        disposition.FileName.Should().Be(expected);
    }

    [Fact]
    public async Task Unicode_direction_controls_never_reach_the_file_name()
    {
        var (recordingId, displayName) = await NewRecordingAsync("Tajweed \u202Egpj.exe\u202C \u2066Part\u2069");
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync($"/api/recordings/{recordingId}/download");

        var expected = $"Tajweed gpj.exe Part - Session 1 - {displayName[^16..].Replace(':', '_')}.mp4";
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.FileNameStar.Should().Be(expected);
        disposition.FileName.Should().Be(expected);
    }

    [Fact]
    public async Task A_download_resumes_with_a_range()
    {
        var (recordingId, _) = await NewRecordingAsync("Resumable");
        var student = await api.SignedInClientAsync(TestData.Student);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{recordingId}/download");
        request.Headers.Range = new RangeHeaderValue(1_500, null);

        var response = await student.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content[1_500..]);
    }

    private async Task<(Guid RecordingId, string DisplayName)> NewRecordingAsync(string courseTitle)
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content)), courseTitle);
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var recording = (await teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
        return (recordingId, recording.DisplayName);
    }
}
