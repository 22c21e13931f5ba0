using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Tests.Users;

public class UserTests
{
    [Fact]
    public void Emails_are_stored_trimmed_and_lower_case() =>
        new User(Guid.NewGuid(), Guid.NewGuid(), " Teacher@Demo.Itqan ", "T", UserRole.Teacher, "hash").Email
            .Should().Be("teacher@demo.itqan");
}
