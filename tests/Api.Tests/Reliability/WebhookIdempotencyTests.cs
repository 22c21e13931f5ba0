using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>Each LiveKit event is applied at most once, in whatever order and however often it arrives.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookIdempotencyTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task The_same_egress_ended_twenty_times_at_once_completes_the_recording_once()
    {
        var started = await api.StartRecordingAsync();
        var body = LiveKitWebhooks.EgressEnded(api, started.Recording.EgressId);
        var webhooks = api.AnonymousClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => webhooks.PostSignedAsync(body)));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("completed");
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
        var applied = await api.WithDbAsync(db => db.ProcessedWebhookEvents.CountAsync(e => e.EgressId == started.Recording.EgressId));
        applied.Should().Be(1);
    }

    [Fact]
    public async Task LiveKit_sending_every_event_three_times_still_records_each_change_once()
    {
        await api.Emulator.SetFaultsAsync(new { duplicateWebhooks = 2 });
        var started = await api.StartRecordingAsync();

        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var completed = await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed");
        completed.File!.SizeBytes.Should().BeGreaterThan(0);
        var audit = await api.AuditOfAsync(started.Recording.Id);
        audit.Select(e => e.Action).Should().Equal(RecordingAuditAction.Started, RecordingAuditAction.Stopped, RecordingAuditAction.Completed);
    }

    [Fact]
    public async Task Egress_ended_before_started_and_updated_completes_the_recording_and_it_stays_completed()
    {
        await api.Emulator.SetFaultsAsync(new { reorderWebhooks = true });
        var started = await api.StartRecordingAsync();

        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed");

        // The held events, and LiveKit's derived duplicates with new ids, arrive late: none moves it backwards.
        var webhooks = api.AnonymousClient();
        foreach (var fixture in new[] { "webhook.egress_started.json", "webhook.egress_updated.active.json", "webhook.egress_updated.ending.json" })
        {
            var late = await webhooks.PostSignedAsync(LiveKitWebhooks.For(fixture, started.Recording.EgressId));
            late.StatusCode.Should().Be(HttpStatusCode.OK, fixture);
        }

        var after = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        after.Status.Should().Be("completed");
        after.File.Should().NotBeNull();
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
    }

    [Fact]
    public async Task A_second_egress_ended_with_a_new_id_does_not_change_a_completed_recording()
    {
        var started = await api.StartRecordingAsync();
        var webhooks = api.AnonymousClient();
        var complete = LiveKitWebhooks.EgressEnded(api, started.Recording.EgressId);
        (await webhooks.PostSignedAsync(complete)).StatusCode.Should().Be(HttpStatusCode.OK);
        var completed = await started.Teacher.GetRecordingAsync(started.Recording.Id);

        // Same (egress, status) again under a new id, then a contradicting end: the first end stands.
        (await webhooks.PostSignedAsync(LiveKitWebhooks.WithNewEventId(complete))).StatusCode.Should().Be(HttpStatusCode.OK);
        var failed = LiveKitWebhooks.For("webhook.egress_ended.failed.json", started.Recording.EgressId);
        (await webhooks.PostSignedAsync(failed)).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        after.Should().Match<RecordingJson>(r => r.Status == "completed" && r.Error == null
            && r.File == completed.File && r.CompletedAt == completed.CompletedAt && r.DurationSeconds == completed.DurationSeconds);
        (await api.AuditOfAsync(started.Recording.Id)).Select(e => e.Action)
            .Should().Equal(RecordingAuditAction.Started, RecordingAuditAction.Completed);
    }

    [Fact]
    public async Task An_egress_ended_that_arrives_before_the_start_has_committed_waits_and_is_applied()
    {
        // LiveKit starts the egress at once but answers Start late; meanwhile the egress ends and LiveKit says so.
        await api.Emulator.SetFaultsAsync(new { startDelayMs = 4000 });
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var start = teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        var roomName = DemoData.RoomNameFor(SessionKind.Interactive, sessionId);
        var state = await Poll.UntilAsync(() => api.Emulator.GetStateAsync(), s => s.Egress.Any(e => e.RoomName == roomName));
        var egressId = state.Egress.Single(e => e.RoomName == roomName).EgressId;
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{egressId}/complete", null)).EnsureSuccessStatusCode();
        await Poll.UntilAsync(
            () => api.WithDbAsync(db => db.PendingEgressEvents.AnyAsync(p => p.EgressId == egressId && p.EventName == "egress_ended")),
            waiting => waiting);

        var response = await start;

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var recording = (await response.Content.ReadFromJsonAsync<RecordingJson>())!;
        recording.EgressId.Should().Be(egressId);
        var completed = await teacher.WaitForStatusAsync(recording.Id, "completed");
        completed.File!.SizeBytes.Should().BeGreaterThan(0);
        var pending = await api.WithDbAsync(db => db.PendingEgressEvents.AsNoTracking().Where(p => p.EgressId == egressId).ToListAsync());
        pending.Should().OnlyContain(p => p.AppliedAt != null);
        (await api.CountAuditAsync(recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
    }

    [Fact]
    public async Task A_webhook_that_meets_a_concurrent_change_is_answered_503_and_LiveKits_resend_applies_it()
    {
        var database = new FailingSaves();
        await using var instance = api.StartAnotherInstance(b => b.ConfigureTestServices(services =>
            services.ConfigureDbContext<RecordingDbContext>(options => options.AddInterceptors(database))));
        var started = await api.StartRecordingAsync();
        database.FailUpdateOfRecording(started.Recording.Id);
        var body = LiveKitWebhooks.EgressEnded(api, started.Recording.EgressId);

        var refused = await instance.AnonymousClient().PostSignedAsync(body);
        var resent = await api.AnonymousClient().PostSignedAsync(body);

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "LiveKit resends a 503, never a 4xx");
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("webhook.retry_later");
        resent.StatusCode.Should().Be(HttpStatusCode.OK);
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("completed");
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
    }

    [Fact]
    public async Task An_egress_ended_that_arrives_while_another_writer_changes_the_recording_waits_and_applies_after_it()
    {
        var started = await api.StartRecordingAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<RecordingDbContext>();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        await writer.Database.ExecuteSqlAsync($"UPDATE recordings SET ended_at = ended_at WHERE id = {started.Recording.Id}");

        var webhook = api.AnonymousClient().PostSignedAsync(LiveKitWebhooks.EgressEnded(api, started.Recording.EgressId));
        await Poll.UntilAsync(
            () => api.WithDbAsync(db => db.Database
                .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                .SingleAsync()),
            waiting => waiting > 0);
        await transaction.CommitAsync();
        var response = await webhook;

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the webhook read the row after the other writer's commit");
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("completed");
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
    }

    [Fact]
    public async Task An_egress_ended_for_an_egress_nobody_knows_is_acknowledged_and_kept()
    {
        var egressId = $"EG_{Guid.NewGuid():N}"[..15];
        var body = LiveKitWebhooks.EgressEnded(api, egressId);

        var first = await api.AnonymousClient().PostSignedAsync(body);
        var resent = await api.AnonymousClient().PostSignedAsync(body);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        resent.StatusCode.Should().Be(HttpStatusCode.OK);
        var waiting = await api.WithDbAsync(db => db.PendingEgressEvents.AsNoTracking().Where(p => p.EgressId == egressId).ToListAsync());
        waiting.Should().ContainSingle().Which.AppliedAt.Should().BeNull();
    }
}
