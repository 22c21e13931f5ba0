using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>Start and Stop when LiveKit or the database fails: a clear answer, and nothing left recording unseen.</summary>
[Collection(ApiCollection.Name)]
public sealed class StartAndStopUnderFaultsTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    public static TheoryData<string, object> LiveKitFailures() => new()
    {
        { "twirp unavailable", new { failStart = new { code = "unavailable", msg = "no response from servers", times = 1 } } },
        { "plain-text 500", new { failStartRaw = new { status = 500, body = "egress not connected (redis required)", times = 1 } } },
        { "proxy 502", new { failStartRaw = new { status = 502, body = "<html>bad gateway</html>", times = 1 } } },
    };

    [Theory]
    [MemberData(nameof(LiveKitFailures))]
    public async Task A_LiveKit_failure_on_start_is_a_503_after_exactly_one_attempt_and_leaves_no_recording(string failure, object faults)
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        await api.Emulator.SetFaultsAsync(faults);
        var before = await api.Emulator.GetStateAsync();

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, failure);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("livekit.unavailable");
        // The fault fails one call only: a retry would have started an egress.
        var after = await api.Emulator.GetStateAsync();
        after.StartCalls.Should().Be(before.StartCalls + 1, "Start is never retried");
        after.Egress.Should().HaveCount(before.Egress.Count);
        (await api.RecordingsOfAsync(sessionId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_LiveKit_start_slower_than_the_client_timeout_is_a_504_and_the_egress_it_started_is_stopped()
    {
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("LiveKit:RequestTimeout", "00:00:01"));
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await instance.SignedInClientAsync(TestData.Teacher);
        await api.Emulator.SetFaultsAsync(new { startDelayMs = 3000 });
        var before = await api.Emulator.GetStateAsync();

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("livekit.timeout");
        var after = await api.Emulator.GetStateAsync();
        after.StartCalls.Should().Be(before.StartCalls + 1);
        var egress = after.Egress.Single(e => e.RoomName == DemoData.RoomNameFor(SessionKind.Interactive, sessionId));
        egress.StopCalls.Should().Be(1, "LiveKit started it though its answer came too late");
        egress.Status.Should().BeOneOf("EGRESS_ABORTED", "EGRESS_ENDING", "EGRESS_COMPLETE");
        (await api.RecordingsOfAsync(sessionId)).Should().BeEmpty();
    }

    [Fact]
    public async Task When_saving_fails_after_LiveKit_started_the_egress_the_egress_is_stopped()
    {
        var database = new FailingSaves();
        await using var instance = api.StartAnotherInstance(b => b.ConfigureTestServices(services =>
            services.ConfigureDbContext<RecordingDbContext>(options => options.AddInterceptors(database))));
        var sessionId = await api.NewInteractiveSessionAsync();
        database.FailInsertOfRecordingOf(sessionId);
        var teacher = await instance.SignedInClientAsync(TestData.Teacher);

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("recording.not_saved");
        var egress = (await api.Emulator.GetStateAsync()).Egress.Single(e => e.RoomName == DemoData.RoomNameFor(SessionKind.Interactive, sessionId));
        egress.StopCalls.Should().Be(1);
        egress.Status.Should().BeOneOf("EGRESS_ABORTED", "EGRESS_ENDING", "EGRESS_COMPLETE");
        (await api.RecordingsOfAsync(sessionId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Fifty_concurrent_starts_of_one_session_start_one_egress_and_one_recording()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teachers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.SignedInClientAsync(TestData.Teacher)));
        var before = await api.Emulator.GetStateAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => teachers[i % teachers.Length].PostAsync($"/api/sessions/{sessionId}/recordings", null)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(49);
        (await api.Emulator.GetStateAsync()).StartCalls.Should().Be(before.StartCalls + 1);
        (await api.RecordingsOfAsync(sessionId)).Should().ContainSingle();
    }

    [Fact]
    public async Task After_LiveKit_comes_back_start_and_stop_work_again_within_a_few_seconds()
    {
        await using var instance = api.StartAnotherInstance();
        var teacher = await instance.SignedInClientAsync(TestData.Teacher);
        var recorded = await api.NewInteractiveSessionAsync();
        var recording = await teacher.PostAsync($"/api/sessions/{recorded}/recordings", null);
        recording.StatusCode.Should().Be(HttpStatusCode.Created);
        await api.Emulator.WaitUntilActiveAsync((await recording.Content.ReadFromJsonAsync<RecordingJson>())!.EgressId);
        var sessionId = await api.NewInteractiveSessionAsync();
        // LiveKit fails every Start until the circuit breaker opens: then a Start no longer reaches it.
        await api.Emulator.SetFaultsAsync(new { failStartRaw = new { status = 503, body = "no healthy upstream" } });
        for (var i = 0; i < 10; i++)
        {
            (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        var calls = (await api.Emulator.GetStateAsync()).StartCalls;
        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await api.Emulator.GetStateAsync()).StartCalls.Should().Be(calls, "the circuit is open");

        await api.Emulator.ClearFaultsAsync();
        var sinceBack = Stopwatch.StartNew();

        var back = TimeSpan.FromSeconds(5);
        (await Poll.UntilAsync(() => teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null), r => r.IsSuccessStatusCode, back))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await Poll.UntilAsync(() => teacher.PostAsync($"/api/sessions/{recorded}/recordings/stop", null), r => r.IsSuccessStatusCode, back))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        sinceBack.Elapsed.Should().BeLessThan(back, "both work again a few seconds after LiveKit is back");
    }

    [Fact]
    public async Task A_stop_that_LiveKit_answers_with_503_is_retried_and_succeeds()
    {
        var started = await api.StartRecordingAsync();
        await api.Emulator.SetFaultsAsync(new { failStop = new { code = "unavailable", msg = "no response from servers", times = 1 } });

        var response = await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Emulator.EgressAsync(started.Recording.EgressId)).StopCalls.Should().Be(2);
        (await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed")).File.Should().NotBeNull();
    }

    [Fact]
    public async Task Webhooks_of_an_egress_that_ends_while_LiveKit_still_answers_the_stop_wait_for_the_stop()
    {
        // LiveKit stops the egress at once (ENDING, then the end with the file) and answers the stop 2 s later: both
        // webhooks arrive while our stop still holds the recording.
        var started = await api.StartRecordingAsync();
        await api.Emulator.SetFaultsAsync(new { stopDelayMs = 2000 });

        var response = await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<RecordingJson>())!.Status.Should().Be("processing");
        (await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed")).File.Should().NotBeNull();
        (await api.AuditOfAsync(started.Recording.Id)).Select(e => e.Action)
            .Should().Equal(RecordingAuditAction.Started, RecordingAuditAction.Stopped, RecordingAuditAction.Completed);
        var stoppedBy = await api.WithDbAsync(db => db.Recordings.Where(r => r.Id == started.Recording.Id).Select(r => r.StoppedByUserId).SingleAsync());
        stoppedBy.Should().NotBeNull("the teacher's stop was saved, not overtaken by LiveKit's ENDING");
    }

    [Fact]
    public async Task Stopping_an_egress_that_LiveKit_already_ended_succeeds()
    {
        var started = await api.StartRecordingAsync();
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{started.Recording.EgressId}/complete?silent=true", null)).EnsureSuccessStatusCode();

        var response = await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<RecordingJson>())!.Status.Should().Be("processing");
        (await api.Emulator.EgressAsync(started.Recording.EgressId)).StopCalls.Should().Be(1, "a refused stop is not retried");
    }
}
