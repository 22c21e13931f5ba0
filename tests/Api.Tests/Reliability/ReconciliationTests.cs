using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>LiveKit does not promise delivery: what its webhooks did not say, reconciliation asks.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReconciliationTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task A_dropped_egress_ended_is_found_by_the_admins_reconcile_and_completes_the_recording()
    {
        await api.Emulator.SetFaultsAsync(new { dropWebhooks = new[] { "egress_ended" } });
        var started = await api.StartRecordingAsync();
        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Poll.UntilAsync(() => api.Emulator.EgressAsync(started.Recording.EgressId), e => e.Status == "EGRESS_COMPLETE");
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("processing", "LiveKit's egress_ended was lost");
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.PostAsync("/api/admin/reconcile", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<ReportJson>())!;
        report.Changed.Should().ContainSingle(c => c.RecordingId == started.Recording.Id)
            .Which.Should().Match<ReconciledJson>(c => c.PreviousStatus == "processing" && c.Status == "completed");
        var completed = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        completed.Status.Should().Be("completed");
        completed.File!.SizeBytes.Should().BeGreaterThan(0);
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
    }

    [Fact]
    public async Task An_egress_LiveKit_no_longer_knows_fails_its_recording()
    {
        var started = await api.StartRecordingAsync();
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{started.Recording.EgressId}/forget", null)).EnsureSuccessStatusCode();
        var admin = await api.SignedInClientAsync(TestData.Admin);

        (await admin.PostAsync("/api/admin/reconcile", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var failed = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        failed.Status.Should().Be("failed");
        failed.Error.Should().Be($"LiveKit no longer knows egress {started.Recording.EgressId} (it may have been lost in a LiveKit restart).");
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Failed)).Should().Be(1);
    }

    [Fact]
    public async Task A_recording_LiveKit_still_records_is_left_alone()
    {
        var started = await api.StartRecordingAsync();
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var report = (await (await admin.PostAsync("/api/admin/reconcile", null)).Content.ReadFromJsonAsync<ReportJson>())!;

        report.Changed.Should().NotContain(c => c.RecordingId == started.Recording.Id);
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("recording");
        (await api.Emulator.EgressAsync(started.Recording.EgressId)).Should().Match<EmulatorEgress>(e => e.Status == "EGRESS_ACTIVE" && e.StopCalls == 0);
    }

    [Fact]
    public async Task Reconcile_is_for_admins_and_stays_in_their_academy()
    {
        var started = await api.StartRecordingAsync();
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{started.Recording.EgressId}/forget", null)).EnsureSuccessStatusCode();
        var (_, otherAdminEmail) = await api.NewAcademyWithAdminAsync();
        var otherAdmin = await api.SignedInClientAsync(otherAdminEmail);

        (await started.Teacher.PostAsync("/api/admin/reconcile", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.AnonymousClient().PostAsync("/api/admin/reconcile", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var report = (await (await otherAdmin.PostAsync("/api/admin/reconcile", null)).Content.ReadFromJsonAsync<ReportJson>())!;

        report.Changed.Should().BeEmpty();
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("recording");
    }

    [Fact]
    public async Task The_reconciliation_job_completes_a_recording_whose_webhooks_were_all_lost()
    {
        var started = await api.StartRecordingAsync();
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{started.Recording.EgressId}/complete?silent=true", null)).EnsureSuccessStatusCode();
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Reliability:ReconcileAfter", "00:00:00"));

        (await instance.Services.RunJobOnceAsync<ReconciliationJob>()).Should().BeTrue();

        var completed = await started.Teacher.GetRecordingAsync(started.Recording.Id);
        completed.Status.Should().Be("completed");
        completed.File!.SizeBytes.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_reconciliation_job_leaves_recordings_younger_than_its_threshold_to_the_webhooks()
    {
        var started = await api.StartRecordingAsync();
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{started.Recording.EgressId}/complete?silent=true", null)).EnsureSuccessStatusCode();
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Reliability:ReconcileAfter", "01:00:00"));

        (await instance.Services.RunJobOnceAsync<ReconciliationJob>()).Should().BeTrue();

        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("recording");
    }

    /// <summary>The report as it is on the wire: statuses are the API's names (<c>processing</c>), not our enum.</summary>
    private sealed record ReportJson(IReadOnlyList<ReconciledJson> Changed);

    private sealed record ReconciledJson(Guid RecordingId, string PreviousStatus, string Status);
}
