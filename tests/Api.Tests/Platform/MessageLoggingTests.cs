using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Common.Behaviours;
using ItqanRecording.Application.Common.Results;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Api.Tests.Platform;

/// <summary>
/// Every message the API handles is logged with its name, its time and, when refused, its error's code; never with
/// what it carries (emails, passwords, link signatures).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MessageLoggingTests(ApiFixture api)
{
    [Fact]
    public async Task A_refused_sign_in_is_logged_with_its_name_code_and_time_but_not_the_email_or_password()
    {
        var logs = new CapturingLoggerProvider();
        await using var instance = api.StartAnotherInstance(builder => builder.ConfigureLogging(l => l.AddProvider(logs)));

        var response = await instance.AnonymousClient().PostAsJsonAsync(
            "/api/auth/login", new { email = "layla.private@example.org", password = "Hunter2-never-logged" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var refused = logs.Entries.Should().ContainSingle(e => e["Message"] == "SignInCommand").Which;
        refused.Level.Should().BeOneOf(LogLevel.Information, LogLevel.Warning); // Warning when the first sign-in is slow
        refused["ErrorCode"].Should().Be("auth.invalid_credentials");
        double.Parse(refused["ElapsedMs"]!, System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        logs.Entries.Should().NotContain(e => e.Text.Contains("layla.private") || e.Text.Contains("Hunter2-never-logged"));
    }

    [Fact]
    public async Task A_refused_file_link_is_logged_with_its_code_but_not_its_signature()
    {
        var logs = new CapturingLoggerProvider();
        await using var instance = api.StartAnotherInstance(builder => builder.ConfigureLogging(l => l.AddProvider(logs)));
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();

        var response = await instance.AnonymousClient().GetAsync(
            $"/api/recordings/{Guid.NewGuid()}/stream?expires={expires}&u={Guid.NewGuid()}&sig=c2lnbmF0dXJlLW5ldmVyLWxvZ2dlZA");

        ((int)response.StatusCode).Should().BeInRange(400, 499);
        logs.Entries.Should().ContainSingle(e => e["Message"] == "GetRecordingFileQuery")
            .Which["ErrorCode"].Should().NotBeNullOrEmpty();
        logs.Entries.Should().NotContain(e => e.Text.Contains("c2lnbmF0dXJlLW5ldmVyLWxvZ2dlZA"));
    }

    [Fact]
    public async Task A_message_slower_than_the_threshold_is_a_warning_whatever_its_outcome()
    {
        var logs = new CapturingLoggerProvider();
        var clock = new SteppingClock();
        var behaviour = Behaviour(logs, clock);

        await behaviour.Handle(new Probe("teacher@demo.itqan"), (_, _) =>
        {
            clock.Advance(MessageLog.SlowAfter + TimeSpan.FromMilliseconds(1));
            return ValueTask.FromResult<Result<Success>>(new Success());
        }, CancellationToken.None);
        await behaviour.Handle(new Probe("teacher@demo.itqan"), (_, _) => ValueTask.FromResult<Result<Success>>(new Success()), CancellationToken.None);

        logs.Entries.Select(e => (e.Level, e["ElapsedMs"])).Should().Equal(
            (LogLevel.Warning, "501"), (LogLevel.Debug, "0"));
    }

    [Fact]
    public async Task A_message_that_throws_is_logged_with_the_exception_type_only()
    {
        var logs = new CapturingLoggerProvider();
        var behaviour = Behaviour(logs, new SteppingClock());

        var handle = async () => await behaviour.Handle(
            new Probe("student@demo.itqan"), (_, _) => throw new InvalidOperationException("student@demo.itqan broke it"), CancellationToken.None);

        await handle.Should().ThrowAsync<InvalidOperationException>();
        var entry = logs.Entries.Should().ContainSingle().Which;
        (entry.Level, entry["Message"], entry["ExceptionType"]).Should().Be((LogLevel.Warning, "Probe", "InvalidOperationException"));
        entry.Text.Should().NotContain("student@demo.itqan");
    }

    private static LoggingBehaviour<Probe, Result<Success>> Behaviour(CapturingLoggerProvider logs, TimeProvider clock) =>
        new(new MessageLog(new Logger<MessageLog>(new LoggerFactory([logs]))), clock);

    public sealed record Probe(string Email) : ICommand<Result<Success>>;

    private sealed class SteppingClock : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _now;

        public void Advance(TimeSpan by) => _now += by.Ticks;
    }
}
