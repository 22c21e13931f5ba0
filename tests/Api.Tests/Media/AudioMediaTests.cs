using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Media;

/// <summary>An audio-only recording (Ogg/Opus, as Quran circles record): its AAC copy for every phone, and its waveform.</summary>
[Collection(MediaProcessingCollection.Name)]
public sealed class AudioMediaTests(MediaProcessingApiFixture api)
{
    [Fact]
    public async Task An_audio_recording_gets_an_AAC_copy_as_long_as_the_original_and_a_waveform_as_its_poster()
    {
        var (recordingId, original) = await api.NewCompletedOggAsync(seconds: 6);
        var student = await api.SignedInClientAsync(TestData.Student);
        var before = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
        before.AacState.Should().Be("queued");
        await (await student.GetAsync($"/api/recordings/{recordingId}/aac")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.aac_missing");

        await api.RunMediaJobsAsync();

        var after = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
        after.AacState.Should().Be("done");
        after.PosterState.Should().Be("done");
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        var aac = await anonymous.GetAsync(after.AacUrl);
        aac.StatusCode.Should().Be(HttpStatusCode.OK);
        aac.Content.Headers.ContentType!.MediaType.Should().Be("audio/mp4");
        var waveform = await anonymous.GetAsync(after.PosterUrl);
        waveform.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        var copy = await SaveAsync(aac, ".m4a");
        var picture = await SaveAsync(waveform, ".jpg");
        try
        {
            var streams = await MediaProbe.StreamsAsync(copy);
            streams.Should().ContainSingle().Which.CodecName.Should().Be("aac");
            (await MediaProbe.DurationAsync(copy)).Should().BeCloseTo(await MediaProbe.DurationAsync(original), TimeSpan.FromMilliseconds(500));
            var still = (await MediaProbe.StreamsAsync(picture)).Should().ContainSingle().Subject;
            (still.CodecName, still.Width, still.Height).Should().Be(("mjpeg", 1280, 360));
            // The page colour alone is 247; a black picture would be near 16.
            (await MediaProbe.MeanBrightnessAsync(picture)).Should().BeInRange(100, 235, "the wave is drawn on the light page");
        }
        finally
        {
            File.Delete(copy);
            File.Delete(picture);
        }

        var range = await student.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{recordingId}/aac")
        {
            Headers = { Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99) },
        });
        range.StatusCode.Should().Be(HttpStatusCode.PartialContent, "a player seeks in the copy as in the original");
        (await student.GetAsync($"/api/recordings/{recordingId}/stream")).Content.Headers.ContentType!.MediaType
            .Should().Be("audio/ogg", "the original stays what the stream sends");
    }

    private static async Task<string> SaveAsync(HttpResponseMessage response, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"media-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }
}
