using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Media;

[Collection(MediaProcessingCollection.Name)]
public sealed partial class HlsTests(MediaProcessingApiFixture api)
{
    private const int Seconds = 25;

    [Fact]
    public async Task A_completed_video_is_packaged_for_hls_by_stream_copy_into_a_playlist_of_byte_ranges_its_students_can_play()
    {
        await OfferLowBandwidthRenditionAsync(false);
        try
        {
            var (recordingId, source) = await api.NewCompletedVideoAsync(Seconds);
            var student = await api.SignedInClientAsync(TestData.Student);
            var before = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
            (before.HlsState, before.HlsUrl).Should().Be(("queued", null));
            await (await student.GetAsync($"/api/recordings/{recordingId}/hls")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "recording.hls_missing");

            await api.RunMediaJobsAsync();

            var recording = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
            recording.HlsState.Should().Be("done");
            recording.HlsUrl.Should().StartWith($"/api/recordings/{recordingId}/hls?");
            using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
            var answer = await anonymous.GetAsync(recording.HlsUrl);
            answer.StatusCode.Should().Be(HttpStatusCode.OK, "the signed link stands in for the sign-in");
            answer.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.apple.mpegurl");
            var playlist = await answer.Content.ReadAsStringAsync();
            playlist.Should().StartWith("#EXTM3U\n").And.Contain("#EXT-X-PLAYLIST-TYPE:VOD").And.EndWith("#EXT-X-ENDLIST\n");
            var mediaLinks = playlist.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Distinct().ToList();
            var mediaLink = mediaLinks.Should().ContainSingle("every segment is a byte range of the one file").Subject;
            mediaLink.Should().StartWith($"/api/recordings/{recordingId}/hls_media?");
            MapUri().Match(playlist).Groups[1].Value.Should().Be(mediaLink);

            var (initLength, initOffset) = InitRange(playlist);
            using var init = new HttpRequestMessage(HttpMethod.Get, mediaLink) { Headers = { Range = new RangeHeaderValue(initOffset, initOffset + initLength - 1) } };
            var initAnswer = await anonymous.SendAsync(init);
            initAnswer.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            (await initAnswer.Content.ReadAsByteArrayAsync()).Length.Should().Be((int)initLength);

            var packaged = await ProbeAsync(anonymous, playlist, mediaLink);
            packaged.Duration.Should().BeCloseTo(await MediaProbe.DurationAsync(source), TimeSpan.FromMilliseconds(500));
            (packaged.Video.CodecName, packaged.Video.Width, packaged.Video.Height).Should().Be(("h264", 1280, 720));
            var sourceLength = new FileInfo(source).Length;
            ((double)packaged.MediaLength).Should().BeApproximately(sourceLength, sourceLength * 0.05, "stream copy: the same frames, not encoded again");
        }
        finally
        {
            await OfferLowBandwidthRenditionAsync(true);
        }
    }

    [Fact]
    public async Task An_outsider_gets_neither_the_playlist_nor_the_segments_and_a_changed_link_is_refused()
    {
        var (recordingId, _) = await api.NewCompletedVideoAsync(Seconds);
        await api.RunMediaJobsAsync();
        var outsider = await api.SignedInClientAsync(TestData.Outsider);
        var student = await api.SignedInClientAsync(TestData.Student);
        var playlist = await (await student.GetAsync($"/api/recordings/{recordingId}/hls?variant=source")).Content.ReadAsStringAsync();
        var mediaLink = playlist.Split('\n').First(l => l.Length > 0 && !l.StartsWith('#'));

        await (await outsider.GetAsync($"/api/recordings/{recordingId}/hls")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        await (await outsider.GetAsync($"/api/recordings/{recordingId}/hls_media")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        var streamLinkInstead = mediaLink.Replace("/hls_media?", "/stream?", StringComparison.Ordinal);
        (await anonymous.GetAsync(streamLinkInstead)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a link is good for its own action only");
    }

    [Fact]
    public async Task An_academy_offering_the_low_bandwidth_rendition_gets_a_master_playlist_of_the_original_and_a_360p_copy()
    {
        await OfferLowBandwidthRenditionAsync(true);
        var (recordingId, source) = await api.NewCompletedVideoAsync(Seconds);
        await api.RunMediaJobsAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var recording = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };

        var master = await anonymous.GetStringAsync(recording.HlsUrl);

        var variants = StreamInf().Matches(master).Select(m => (Bandwidth: long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Url: m.Groups[2].Value)).ToList();
        variants.Should().HaveCount(2);
        variants[0].Url.Should().StartWith($"/api/recordings/{recordingId}/hls?").And.EndWith("&variant=source");
        variants[1].Url.Should().EndWith("&variant=low");
        variants[1].Bandwidth.Should().BeLessThan(variants[0].Bandwidth / 2, "the rendition is for a weak connection");
        var low = await anonymous.GetStringAsync(variants[1].Url);
        var lowMedia = low.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Distinct().Should().ContainSingle().Subject;
        lowMedia.Should().StartWith($"/api/recordings/{recordingId}/hls_media?").And.EndWith("&variant=low");
        var rendition = await ProbeAsync(anonymous, low, lowMedia);
        rendition.Video.Height.Should().Be(LowBandwidthRendition.Height);
        rendition.Video.CodecName.Should().Be("h264");
        rendition.Duration.Should().BeCloseTo(await MediaProbe.DurationAsync(source), TimeSpan.FromMilliseconds(500));
        (await student.GetStringAsync($"/api/recordings/{recordingId}/hls?variant=source")).Should().Contain("#EXT-X-BYTERANGE:");
        await (await student.GetAsync($"/api/recordings/{recordingId}/hls?variant=medium")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_request");
    }

    [Fact]
    public async Task Only_an_admin_changes_the_playback_settings()
    {
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        (await teacher.PutAsJsonAsync("/api/admin/playback", new { lowBandwidthRendition = true })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var admin = await api.SignedInClientAsync(TestData.Admin);
        (await admin.GetFromJsonAsync<PlaybackSettingsJson>("/api/admin/playback"))!.LowBandwidthRendition.Should().BeTrue("the demo academy offers it");
    }

    [Fact]
    public async Task An_audio_recording_gets_no_hls_packaging()
    {
        var (recordingId, _) = await api.NewCompletedOggAsync(seconds: 3);
        await api.RunMediaJobsAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var recording = (await student.GetFromJsonAsync<RecordingJson>($"/api/recordings/{recordingId}"))!;

        (recording.HlsState, recording.HlsUrl).Should().Be((null, null));
        (recording.AacState, recording.PosterState).Should().Be(("done", "done"));
    }

    /// <summary>Sets the demo academy's low-bandwidth rendition through the admin's API (the demo offers it).</summary>
    private async Task OfferLowBandwidthRenditionAsync(bool offered)
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);
        var answer = await admin.PutAsJsonAsync("/api/admin/playback", new { lowBandwidthRendition = offered });
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.Content.ReadFromJsonAsync<PlaybackSettingsJson>())!.LowBandwidthRendition.Should().Be(offered);
    }

    /// <summary>Fetches a media playlist's file and probes the two as ffprobe reads them from disk.</summary>
    private static async Task<(MediaProbe.Stream Video, TimeSpan Duration, long MediaLength)> ProbeAsync(
        HttpClient client, string playlist, string mediaLink)
    {
        var folder = Directory.CreateTempSubdirectory("itqan-hls-test-");
        try
        {
            var media = await client.GetByteArrayAsync(mediaLink);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "media.mp4"), media);
            var local = Path.Combine(folder.FullName, "playlist.m3u8");
            await File.WriteAllTextAsync(local, playlist.Replace(mediaLink, "media.mp4", StringComparison.Ordinal));
            var video = (await MediaProbe.StreamsAsync(local)).Should().ContainSingle(s => s.CodecType == "video").Subject;
            return (video, await MediaProbe.DurationAsync(local), media.Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record PlaybackSettingsJson(bool LowBandwidthRendition);

    private static (long Length, long Offset) InitRange(string playlist)
    {
        var range = MapRange().Match(playlist);
        range.Success.Should().BeTrue("the playlist names its init section as a byte range");
        return (long.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("#EXT-X-STREAM-INF:BANDWIDTH=(\\d+)\n([^\n]+)\n")]
    private static partial Regex StreamInf();

    [GeneratedRegex("#EXT-X-MAP:URI=\"([^\"]+)\"")]
    private static partial Regex MapUri();

    [GeneratedRegex("#EXT-X-MAP:URI=\"[^\"]+\",BYTERANGE=\"(\\d+)@(\\d+)\"")]
    private static partial Regex MapRange();
}
