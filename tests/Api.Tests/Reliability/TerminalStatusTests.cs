using System.Net;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>How each of LiveKit's terminal egress statuses ends a recording.</summary>
[Collection(ApiCollection.Name)]
public sealed class TerminalStatusTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task Limit_reached_with_no_next_part_possible_completes_the_recording_with_its_file_and_a_note()
    {
        var started = await api.StartRecordingAsync();
        // The class goes on, but LiveKit refuses the next part: the recording ends with what it has.
        await api.Emulator.SetFaultsAsync(new { failStart = new { code = "resource_exhausted", msg = "no egress capacity" } });
        var body = LiveKitWebhooks.EgressEnded(api, started.Recording.EgressId, "webhook.egress_ended.limit_reached.json");

        (await api.AnonymousClient().PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        var recording = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        recording.Status.Should().Be("completed");
        recording.File.Should().NotBeNull();
        recording.Error.Should().Contain("limit");
        (await api.AuditOfAsync(started.Recording.Id)).Last().Should().Match<RecordingAuditEntry>(
            e => e.Action == RecordingAuditAction.Completed && e.Details!.Contains("limit"));
    }

    [Fact]
    public async Task Failed_fails_the_recording_with_LiveKits_error()
    {
        await api.Emulator.SetFaultsAsync(new { failFileWrite = true });
        var started = await api.StartRecordingAsync();

        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var failed = await Poll.UntilAsync(() => started.Teacher.GetRecordingAsync(started.Recording.Id), r => r.Status != "processing");
        failed.Status.Should().Be("failed");
        failed.Error.Should().Contain("permission denied");
        failed.File.Should().BeNull();
        (await api.AuditOfAsync(started.Recording.Id)).Last().Should().Match<RecordingAuditEntry>(
            e => e.Action == RecordingAuditAction.Failed && e.Details!.Contains("permission denied"));
    }

    [Fact]
    public async Task Aborted_fails_the_recording_with_LiveKits_reason()
    {
        var started = await api.StartRecordingAsync();
        var body = LiveKitWebhooks.For("webhook.egress_ended.failed.json", started.Recording.EgressId)
            .Replace("EGRESS_FAILED", "EGRESS_ABORTED", StringComparison.Ordinal)
            .Replace("pipeline failed: could not connect to room", "Start signal not received", StringComparison.Ordinal);

        (await api.AnonymousClient().PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        var recording = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        recording.Status.Should().Be("failed");
        recording.Error.Should().Be("LiveKit aborted the recording: Start signal not received");
    }

    [Fact]
    public async Task An_overlong_error_from_LiveKit_is_shortened_rather_than_refused_by_the_database()
    {
        var started = await api.StartRecordingAsync();
        var body = LiveKitWebhooks.For("webhook.egress_ended.failed.json", started.Recording.EgressId)
            .Replace("pipeline failed: could not connect to room", new string('x', 5000), StringComparison.Ordinal);

        (await api.AnonymousClient().PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        var recording = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        recording.Status.Should().Be("failed");
        recording.Error!.Length.Should().BeLessThanOrEqualTo(1000);
    }
}
