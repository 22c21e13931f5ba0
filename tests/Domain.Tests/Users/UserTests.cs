using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Tests.Users;

public class UserTests
{
    [Fact]
    public void Emails_are_stored_trimmed_and_lower_case() =>
        new User(Guid.NewGuid(), Guid.NewGuid(), " Teacher@Demo.Itqan ", "T", UserRole.Teacher, "hash").Email
            .Should().Be("teacher@demo.itqan");

    [Fact]
    public void Notifications_seen_up_to_a_moment_stay_seen_when_an_older_moment_is_reported()
    {
        var user = new User(Guid.NewGuid(), Guid.NewGuid(), "student@demo.itqan", "S", UserRole.Student, "hash");
        var noon = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

        user.SawNotificationsUpTo(noon);
        user.SawNotificationsUpTo(noon.AddHours(-1));

        user.NotificationsSeenUpTo.Should().Be(noon);
        user.SawNotificationsUpTo(noon.AddHours(1));
        user.NotificationsSeenUpTo.Should().Be(noon.AddHours(1));
    }
}
