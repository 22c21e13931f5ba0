using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>
/// An egress LiveKit started for a Start that saved no recording (the API died before its commit, or LiveKit got
/// the Start only after we gave up) is found by reconciliation and stopped: nothing records unseen.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrphanedEgressTests(ApiFixture api) : IAsyncLifetime
{
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(1);

    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task An_egress_started_by_an_API_that_crashed_before_its_commit_is_stopped_by_reconciliation_after_a_restart()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var crash = new CrashAfterLiveKitStarts();
        const string crashingApplication = "itqan-crashing-instance";
        var crashing = api.StartAnotherInstance(b => b
            .UseSetting("ConnectionStrings:Recording", ConnectionStringNamed(crashingApplication))
            .UseSetting("Reliability:ShutdownTimeout", "00:00:01")
            .ConfigureTestServices(crash.Install));
        var teacher = await crashing.SignedInClientAsync(TestData.Teacher);

        var start = teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        var egress = await crash.Started.WaitAsync(TimeSpan.FromSeconds(30));
        // The process dies: PostgreSQL sees its connections go (the session lock and the open transaction with
        // them), and the instance is gone without running another line of the Start.
        await api.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = {crashingApplication}"));
        await crashing.DisposeAsync();
        (await Record.ExceptionAsync(() => start)).Should().NotBeNull("the API died before it answered");
        (await api.Emulator.EgressAsync(egress.EgressId)).Status.Should().Be("EGRESS_ACTIVE", "LiveKit records on");

        await using var restarted = api.StartAnotherInstance(b => b
            .UseSetting("Reliability:ReconcileInterval", ReconcileInterval.ToString())
            .UseSetting("Reliability:ReconcileAfter", "00:00:00"));

        var stopped = await Poll.UntilAsync(
            () => api.Emulator.EgressAsync(egress.EgressId), e => e.StopCalls > 0, ReconcileInterval + TimeSpan.FromSeconds(5));
        stopped.Status.Should().BeOneOf("EGRESS_ENDING", "EGRESS_COMPLETE");
        (await api.RecordingsOfAsync(sessionId)).Should().BeEmpty();
        (await StartIntentsOfAsync(sessionId)).Should().Be(0, "the intent is settled");
    }

    [Fact]
    public async Task A_start_LiveKit_receives_after_our_timeout_is_a_504_that_says_so_and_its_egress_is_stopped_by_reconciliation()
    {
        var grace = TimeSpan.FromSeconds(4);
        await using var instance = api.StartAnotherInstance(b => b
            .UseSetting("LiveKit:RequestTimeout", "00:00:01")
            .UseSetting("Reliability:ReconcileInterval", ReconcileInterval.ToString())
            .UseSetting("Reliability:ReconcileAfter", grace.ToString()));
        var sessionId = await api.NewInteractiveSessionAsync();
        var roomName = DemoData.RoomNameFor(SessionKind.Interactive, sessionId);
        var teacher = await instance.SignedInClientAsync(TestData.Teacher);
        await api.Emulator.SetFaultsAsync(new { startArrivesAfterMs = 2500 });

        var response = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>())!;
        problem.Code.Should().Be("livekit.timeout");
        var late = await Poll.UntilAsync(
            async () => (await api.Emulator.GetStateAsync()).Egress.SingleOrDefault(e => e.RoomName == roomName), e => e is not null);
        late!.StopCalls.Should().Be(0, "LiveKit started it after our clean-up had looked");
        var stopped = await Poll.UntilAsync(
            () => api.Emulator.EgressAsync(late.EgressId), e => e.StopCalls > 0, grace + ReconcileInterval + TimeSpan.FromSeconds(5));
        stopped.Status.Should().BeOneOf("EGRESS_ENDING", "EGRESS_COMPLETE");
        problem.Detail.Should().Be(
            "LiveKit did not answer in time. If it started recording anyway, that recording will be stopped within a few minutes; try again.");
        (await api.RecordingsOfAsync(sessionId)).Should().BeEmpty();
        (await StartIntentsOfAsync(sessionId)).Should().Be(0, "the intent is settled");
    }

    private string ConnectionStringNamed(string applicationName) =>
        new NpgsqlConnectionStringBuilder(api.Services.GetRequiredService<IConfiguration>().GetConnectionString(DependencyInjection.ConnectionStringName))
        {
            ApplicationName = applicationName,
        }.ConnectionString;

    private Task<int> StartIntentsOfAsync(Guid sessionId) =>
        api.WithDbAsync(db => db.EgressStartIntents.CountAsync(i => i.SessionId == sessionId));
}
