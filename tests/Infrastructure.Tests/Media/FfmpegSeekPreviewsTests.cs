using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Infrastructure.Media;
using ItqanRecording.TestSupport;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.Media;

/// <summary>Both ways the seek previews' sprite is made, checked with ffprobe on a real video.</summary>
public sealed class FfmpegSeekPreviewsTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("itqan-previews-");
    private readonly FfmpegMediaTools _tools = new(Options.Create(new MediaProcessingOptions()));

    public void Dispose() => _work.Delete(recursive: true);

    [Theory]
    [InlineData(2, 13, "decoding every frame")]
    [InlineData(10, 3, "seeking to each still")]
    public async Task The_sprite_holds_a_still_of_the_picture_for_each_tile_and_black_after_the_last(int everySeconds, int count, string how)
    {
        var video = Path.Combine(_work.FullName, "lesson.mp4");
        await TestMedia.WriteVideoAsync(video, seconds: 25);
        var grid = new SeekPreviewGrid(TimeSpan.FromSeconds(everySeconds), count);
        var sprite = Path.Combine(_work.FullName, "previews.jpg");

        await _tools.MakeSeekPreviewsAsync(video, grid, sprite, CancellationToken.None);

        var image = (await MediaProbe.StreamsAsync(sprite)).Should().ContainSingle().Subject;
        (image.Width, image.Height).Should().Be((1600, grid.Rows * 90), how);
        var lastTile = count - 1;
        var lastCrop = $"160:90:{lastTile % 10 * 160}:{lastTile / 10 * 90}";
        (await MediaProbe.MeanBrightnessAsync(sprite, "160:90:0:0")).Should().BeGreaterThan(40, "the first still shows the picture");
        (await MediaProbe.MeanBrightnessAsync(sprite, lastCrop)).Should().BeGreaterThan(40, "so does the last");
        (await MediaProbe.MeanBrightnessAsync(sprite, $"160:90:{count % 10 * 160}:{count / 10 * 90}")).Should().BeLessThan(20, "the tile after the last still is black");
        Directory.Exists(sprite + ".stills").Should().BeFalse("the single stills are removed");
    }
}
