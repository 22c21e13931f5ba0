using ItqanRecording.Domain.Academies;

namespace ItqanRecording.Domain.Tests.Academies;

public class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_academy_without_a_retention_period_keeps_recordings_forever() =>
        new Academy(Guid.NewGuid(), "A").RetentionCutoff(Now).Should().BeNull();

    [Fact]
    public void The_cutoff_lies_the_retention_period_before_now()
    {
        var academy = new Academy(Guid.NewGuid(), "A");
        academy.KeepRecordingsFor(30);

        academy.RetentionCutoff(Now).Should().Be(new DateTimeOffset(2026, 10, 26, 10, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_retention_period_shorter_than_a_day_is_refused(int days)
    {
        var academy = new Academy(Guid.NewGuid(), "A");

        var keep = () => academy.KeepRecordingsFor(days);

        keep.Should().Throw<ArgumentOutOfRangeException>();
        academy.RetentionDays.Should().BeNull();
    }
}
