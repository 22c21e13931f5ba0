using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.EgressEvents.ProcessRoomFinished;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>Recordings end with their room, and forgotten ones end at their kind's maximum duration.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionLifecycleTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task Room_finished_before_LiveKit_ends_the_egress_stops_it_and_egress_ended_completes_it()
    {
        var started = await api.StartRecordingAsync();
        var roomFinished = LiveKitWebhooks.For("webhook.room_finished.json", "unused", started.Recording.RoomName);

        (await api.AnonymousClient().PostSignedAsync(roomFinished)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await api.Emulator.EgressAsync(started.Recording.EgressId)).StopCalls.Should().Be(1);
        var completed = await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed");
        completed.File!.SizeBytes.Should().BeGreaterThan(0);
        var audit = await api.AuditOfAsync(started.Recording.Id);
        audit.Select(e => e.Action).Should().Equal(RecordingAuditAction.Started, RecordingAuditAction.Stopped, RecordingAuditAction.Completed);
        audit[1].Should().Match<RecordingAuditEntry>(e => e.UserId == null && e.Details == ProcessRoomFinishedHandler.Reason);
    }

    [Fact]
    public async Task When_the_room_closes_and_its_egress_ended_is_lost_the_recording_is_processing_until_reconciled()
    {
        await api.Emulator.SetFaultsAsync(new { dropWebhooks = new[] { "egress_updated", "egress_ended" } });
        var started = await api.StartRecordingAsync();

        (await api.Emulator.Control.PostAsync($"/_emulator/rooms/{started.Recording.RoomName}/finish", null)).EnsureSuccessStatusCode();

        await started.Teacher.WaitForStatusAsync(started.Recording.Id, "processing");
        await Poll.UntilAsync(() => api.Emulator.EgressAsync(started.Recording.EgressId), e => e.Status == "EGRESS_COMPLETE");
        var admin = await api.SignedInClientAsync(TestData.Admin);
        (await admin.PostAsync("/api/admin/reconcile", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("completed");
    }

    [Fact]
    public async Task A_resent_room_finished_changes_nothing_more()
    {
        var started = await api.StartRecordingAsync();
        var roomFinished = LiveKitWebhooks.For("webhook.room_finished.json", "unused", started.Recording.RoomName);
        var webhooks = api.AnonymousClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => webhooks.PostSignedAsync(roomFinished)));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed");
        (await api.Emulator.EgressAsync(started.Recording.EgressId)).StopCalls.Should().Be(1);
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Stopped)).Should().Be(1);
    }

    [Fact]
    public async Task A_recording_past_its_kinds_maximum_duration_is_stopped_by_the_job_with_the_reason()
    {
        var started = await api.StartRecordingAsync();
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Recording:MaxDuration:Interactive", "00:00:01"));

        // The job finds it once it is older than the limit (a second).
        await Poll.UntilAsync(
            async () =>
            {
                await instance.Services.RunJobOnceAsync<OverdueRecordingsJob>();
                return await started.Teacher.GetRecordingAsync(started.Recording.Id);
            },
            r => r.Status != "recording");

        (await api.Emulator.EgressAsync(started.Recording.EgressId)).StopCalls.Should().Be(1);
        await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed");
        var stopped = (await api.AuditOfAsync(started.Recording.Id)).Single(e => e.Action == RecordingAuditAction.Stopped);
        stopped.UserId.Should().BeNull();
        stopped.Details.Should().Be("Stopped automatically: it reached the maximum duration of 00:00:01 for interactive sessions.");
    }

    [Fact]
    public async Task A_recording_within_its_maximum_duration_is_left_recording()
    {
        var started = await api.StartRecordingAsync();
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Recording:MaxDuration:Interactive", "01:00:00"));

        (await instance.Services.RunJobOnceAsync<OverdueRecordingsJob>()).Should().BeTrue();

        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("recording");
        (await api.Emulator.EgressAsync(started.Recording.EgressId)).StopCalls.Should().Be(0);
    }
}
