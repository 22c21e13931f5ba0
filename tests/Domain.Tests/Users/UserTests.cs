using Itqan.Recording.Domain.Users;

namespace Itqan.Recording.Domain.Tests.Users;

public class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Five_failed_sign_ins_lock_the_account_for_fifteen_minutes()
    {
        var user = new User(Guid.NewGuid(), Guid.NewGuid(), "A@Example.org ", "A", UserRole.Student, "hash");

        for (var i = 0; i < User.MaxFailedSignIns - 1; i++)
        {
            user.RecordFailedSignIn(Now);
        }

        user.IsLockedOut(Now).Should().BeFalse();
        user.RecordFailedSignIn(Now);
        user.IsLockedOut(Now.AddMinutes(14)).Should().BeTrue();
        user.IsLockedOut(Now.AddMinutes(15)).Should().BeFalse();
    }

    [Fact]
    public void A_successful_sign_in_clears_the_failures()
    {
        var user = new User(Guid.NewGuid(), Guid.NewGuid(), "a@example.org", "A", UserRole.Student, "hash");
        user.RecordFailedSignIn(Now);
        user.RecordFailedSignIn(Now);

        user.RecordSuccessfulSignIn();

        user.FailedSignInCount.Should().Be(0);
    }

    [Fact]
    public void Emails_are_stored_trimmed_and_lower_case() =>
        new User(Guid.NewGuid(), Guid.NewGuid(), " Teacher@Demo.Itqan ", "T", UserRole.Teacher, "hash").Email
            .Should().Be("teacher@demo.itqan");
}
