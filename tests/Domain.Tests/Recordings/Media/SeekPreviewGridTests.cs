using ItqanRecording.Domain.Recordings.Media;

namespace ItqanRecording.Domain.Tests.Recordings.Media;

public class SeekPreviewGridTests
{
    [Fact]
    public void A_short_video_gets_a_still_every_two_seconds_the_last_one_ending_with_the_video()
    {
        var duration = TimeSpan.FromSeconds(7.5);
        var grid = SeekPreviewGrid.For(duration);

        grid.Should().Be(new SeekPreviewGrid(TimeSpan.FromSeconds(2), 4));
        grid.Rows.Should().Be(1);
        grid.Tiles(duration).Should().Equal(
            (TimeSpan.Zero, TimeSpan.FromSeconds(2), 0, 0),
            (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), 160, 0),
            (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), 320, 0),
            (TimeSpan.FromSeconds(6), duration, 480, 0));
    }

    [Fact]
    public void A_three_hour_class_keeps_to_a_hundred_stills_ten_to_a_row()
    {
        var duration = TimeSpan.FromHours(3);
        var grid = SeekPreviewGrid.For(duration);

        grid.Interval.Should().Be(TimeSpan.FromSeconds(108));
        grid.Count.Should().Be(100);
        grid.Rows.Should().Be(10);
        grid.Tiles(duration).Last().Should().Be((TimeSpan.FromSeconds(99 * 108), duration, 9 * 160, 9 * 90));
    }
}
