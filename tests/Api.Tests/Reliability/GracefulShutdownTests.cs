using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>A job stopped by the host finishes the unit it is in and begins no other: nothing is left half-done.</summary>
[Collection(ApiCollection.Name)]
public sealed class GracefulShutdownTests(ApiFixture api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => api.Emulator.ClearFaultsAsync();

    [Fact]
    public async Task A_job_stopped_mid_run_finishes_the_recording_it_is_stopping_and_leaves_the_next_untouched()
    {
        await using var instance = api.StartAnotherInstance(b => b
            .UseSetting("Recording:MaxDuration:Interactive", "00:00:01")
            .UseSetting("Recording:MaxDuration:Quran", "00:00:01")
            .UseSetting("Recording:MaxDuration:Academic", "00:00:01"));
        var job = instance.Services.GetServices<IHostedService>().OfType<OverdueRecordingsJob>().Single();
        // Earlier tests' recordings are overdue too: stop them first, so the run below meets only these two.
        await Poll.UntilAsync(
            async () =>
            {
                await job.RunOnceAsync(CancellationToken.None);
                return await api.WithDbAsync(db => db.Recordings.CountAsync(r => r.Status == RecordingStatus.Recording));
            },
            recording => recording == 0);
        var first = await api.StartRecordingAsync();
        var second = await api.StartRecordingAsync();
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow), now => now > second.Recording.StartedAt.AddSeconds(1.5));
        await api.Emulator.SetFaultsAsync(new { stopDelayMs = 1500 });
        using var stopping = new CancellationTokenSource();

        var run = job.RunOnceAsync(stopping.Token);
        await Poll.UntilAsync(() => api.Emulator.EgressAsync(first.Recording.EgressId), e => e.StopCalls == 1);
        await stopping.CancelAsync();
        await run;

        (await first.Teacher.GetRecordingAsync(first.Recording.Id)).Status.Should().BeOneOf("processing", "completed");
        (await api.CountAuditAsync(first.Recording.Id, RecordingAuditAction.Stopped)).Should().Be(1);
        (await second.Teacher.GetRecordingAsync(second.Recording.Id)).Status.Should().Be("recording");
        (await api.Emulator.EgressAsync(second.Recording.EgressId)).StopCalls.Should().Be(0);
    }
}
