using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Learning;

/// <summary>A teacher's WebVTT transcript: the player's captions, and words My recordings and the catalogue find.</summary>
[Collection(ApiCollection.Name)]
public sealed class TranscriptsTests(ApiFixture api)
{
    private const string Arabic = "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nتَبَارَكَ الَّذِي بِيَدِهِ الْمُلْكُ وَهُوَ عَلَىٰ كُلِّ شَيْءٍ قَدِيرٌ\n\n00:00:05.000 --> 00:00:09.000\nقِرَاءَةُ الْقُرْآنِ بِالتَّجْوِيدِ\n";

    [Fact]
    public async Task A_teachers_transcript_is_the_captions_and_its_words_find_the_recording_whatever_the_diacritics()
    {
        var studentId = await api.NewStudentAsync("Maryam");
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), "Hifz review", TimeSpan.FromSeconds(60), alsoEnrolled: studentId);
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync($"student-{studentId:N}@demo.itqan");
        var transcripts = $"/api/recordings/{recordingId}/transcripts";

        var put = await teacher.PutAsJsonAsync($"{transcripts}/ar", new { webVtt = Arabic });

        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await student.GetFromJsonAsync<List<TranscriptJson>>(transcripts))!.Select(t => t.Language).Should().Equal("ar");
        var captions = await student.GetAsync($"{transcripts}/ar");
        captions.Content.Headers.ContentType!.MediaType.Should().Be("text/vtt");
        (await captions.Content.ReadAsStringAsync()).Should().Be(Arabic);
        await (await student.GetAsync($"{transcripts}/en")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "learning.transcript_not_found");

        // Typed without diacritics, with a bare alef for the madda: القرآن → القران.
        (await MineAsync(student, "القران بالتجويد")).Should().Equal(recordingId);
        (await MineAsync(student, "الملك")).Should().Equal(recordingId);
        (await MineAsync(student, "الملك زيتون")).Should().BeEmpty("every word must be said");
        var admin = await api.SignedInClientAsync(TestData.Admin);
        var catalogue = (await admin.GetFromJsonAsync<PageJson>($"/api/recordings?q={Uri.EscapeDataString("تبارك")}"))!;
        catalogue.Items.Select(i => i.Id).Should().Contain(recordingId);

        (await teacher.DeleteAsync($"{transcripts}/ar")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await MineAsync(student, "الملك")).Should().BeEmpty("the words went with the transcript");
    }

    [Fact]
    public async Task Only_the_teacher_uploads_a_webvtt_file_in_arabic_or_english()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(60));
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync(TestData.Student);
        var transcripts = $"/api/recordings/{recordingId}/transcripts";

        await (await student.PutAsJsonAsync($"{transcripts}/en", new { webVtt = "WEBVTT\n" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.control_forbidden");
        await (await teacher.PutAsJsonAsync($"{transcripts}/fr", new { webVtt = "WEBVTT\n" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        await (await teacher.PutAsJsonAsync($"{transcripts}/en", new { webVtt = "1\n00:00:01.000 --> 00:00:02.000\nhello" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        (await student.GetFromJsonAsync<List<TranscriptJson>>(transcripts))!.Should().BeEmpty("nothing refused was kept");
    }

    private static async Task<List<Guid>> MineAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<MyPageJson>($"/api/me/recordings?q={Uri.EscapeDataString(q)}"))!.Items.Select(i => i.Recording.Id).ToList();

    private sealed record TranscriptJson(string Language, DateTimeOffset UpdatedAt);

    private sealed record MyPageJson(List<MyItemJson> Items);

    private sealed record MyItemJson(RecordingJson Recording);

    private sealed record PageJson(List<RecordingJson> Items);
}
