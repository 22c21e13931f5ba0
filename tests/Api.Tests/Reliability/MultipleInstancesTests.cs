using System.Net;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>Several API instances on one database: every webhook and every job effect lands exactly once.</summary>
[Collection(ApiCollection.Name)]
public sealed class MultipleInstancesTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task Two_instances_sharing_webhooks_and_running_their_jobs_at_once_apply_each_effect_once()
    {
        var viaWebhooks = await api.StartRecordingAsync();
        var overdue = await api.StartRecordingAsync();
        var silentlyEnded = await api.StartRecordingAsync();
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{silentlyEnded.Recording.EgressId}/complete?silent=true", null))
            .EnsureSuccessStatusCode();
        static void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) => builder
            .UseSetting("Recording:MaxDuration:Interactive", "00:00:01")
            .UseSetting("Reliability:ReconcileAfter", "00:00:00");
        await using var first = api.StartAnotherInstance(Configure);
        await using var second = api.StartAnotherInstance(Configure);

        // LiveKit's ending and its end, each resent ten times, spread over both instances at once.
        var ending = LiveKitWebhooks.For("webhook.egress_updated.ending.json", viaWebhooks.Recording.EgressId);
        var ended = LiveKitWebhooks.EgressEnded(api, viaWebhooks.Recording.EgressId);
        var clients = new[] { first.AnonymousClient(), second.AnonymousClient() };
        var posts = Enumerable.Range(0, 20).Select(i => clients[i % 2].PostSignedAsync(i < 10 ? ending : ended));
        var responses = await Task.WhenAll(posts);

        // Both instances' jobs at once, until the overdue recording is old enough to be found.
        await Poll.UntilAsync(
            async () =>
            {
                await Task.WhenAll(
                    first.Services.RunJobOnceAsync<OverdueRecordingsJob>(),
                    second.Services.RunJobOnceAsync<OverdueRecordingsJob>(),
                    first.Services.RunJobOnceAsync<ReconciliationJob>(),
                    second.Services.RunJobOnceAsync<ReconciliationJob>());
                return await overdue.Teacher.GetRecordingAsync(overdue.Recording.Id);
            },
            r => r.Status != "recording");

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        (await viaWebhooks.Teacher.GetRecordingAsync(viaWebhooks.Recording.Id)).Status.Should().Be("completed");
        (await api.CountAuditAsync(viaWebhooks.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);

        (await api.Emulator.EgressAsync(overdue.Recording.EgressId)).StopCalls.Should().Be(1);
        (await api.CountAuditAsync(overdue.Recording.Id, RecordingAuditAction.Stopped)).Should().Be(1);

        await silentlyEnded.Teacher.WaitForStatusAsync(silentlyEnded.Recording.Id, "completed");
        (await api.CountAuditAsync(silentlyEnded.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
    }

    [Fact]
    public async Task A_job_whose_lock_another_instance_holds_skips_its_run()
    {
        var started = await api.StartRecordingAsync();
        (await api.Emulator.Control.PostAsync($"/_emulator/egress/{started.Recording.EgressId}/complete?silent=true", null))
            .EnsureSuccessStatusCode();
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Reliability:ReconcileAfter", "00:00:00"));
        var connectionString = instance.Services.GetRequiredService<IConfiguration>().GetConnectionString("Recording");
        await using var otherInstance = new NpgsqlConnection(connectionString);
        await otherInstance.OpenAsync();

        // Another instance runs the reconciliation job: it holds the job's lock ("JOBS", 1).
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(1246708307, 1)", otherInstance))
        {
            await take.ExecuteNonQueryAsync();
        }

        (await instance.Services.RunJobOnceAsync<ReconciliationJob>()).Should().BeFalse();
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("recording");

        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(1246708307, 1)", otherInstance))
        {
            await release.ExecuteNonQueryAsync();
        }

        (await instance.Services.RunJobOnceAsync<ReconciliationJob>()).Should().BeTrue();
        (await started.Teacher.GetRecordingAsync(started.Recording.Id)).Status.Should().Be("completed");
    }

    [Fact]
    public async Task A_webhook_resent_to_another_instance_is_recognised_as_already_applied()
    {
        var started = await api.StartRecordingAsync();
        await using var instance = api.StartAnotherInstance();
        var ended = LiveKitWebhooks.EgressEnded(api, started.Recording.EgressId);

        (await api.AnonymousClient().PostSignedAsync(ended)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await instance.AnonymousClient().PostSignedAsync(ended)).StatusCode.Should().Be(HttpStatusCode.OK);

        var applied = await api.WithDbAsync(db => db.ProcessedWebhookEvents.CountAsync(e => e.EgressId == started.Recording.EgressId));
        applied.Should().Be(1);
        (await api.CountAuditAsync(started.Recording.Id, RecordingAuditAction.Completed)).Should().Be(1);
    }
}
