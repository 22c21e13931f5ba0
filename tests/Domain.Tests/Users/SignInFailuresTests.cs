using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Tests.Users;

public class SignInFailuresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Five_failed_sign_ins_lock_the_email_for_fifteen_minutes()
    {
        var failures = SignInFailures.None;

        for (var i = 0; i < SignInFailures.MaxFailedSignIns - 1; i++)
        {
            failures = failures.Record(Now);
        }

        failures.IsLockedOut(Now).Should().BeFalse();
        failures = failures.Record(Now);
        failures.IsLockedOut(Now.AddMinutes(14)).Should().BeTrue();
        failures.IsLockedOut(Now.AddMinutes(15)).Should().BeFalse();
        failures.Count.Should().Be(0);
    }
}
