using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>
/// Egress events that waited for a recording are deleted once applied, or once they waited longer than
/// <c>Reliability:PendingEventMaxAge</c>, at most <c>PendingEventPruneBatchSize</c> a run.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PendingEventPruningTests(ApiFixture api)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    [Fact]
    public async Task A_run_deletes_applied_events_and_unapplied_ones_older_than_the_maximum_age()
    {
        var now = DateTimeOffset.UtcNow;
        var old = await ParkAsync(now - MaxAge - TimeSpan.FromHours(1));
        var applied = await ParkAsync(now - TimeSpan.FromMinutes(10), appliedAt: now - TimeSpan.FromMinutes(9));

        await RunJobAsync(batchSize: 1_000_000);

        (await RemainingAsync(old, applied)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_run_keeps_unapplied_events_younger_than_the_maximum_age()
    {
        var now = DateTimeOffset.UtcNow;
        var recent = await ParkAsync(now - TimeSpan.FromHours(1));
        var almostTooOld = await ParkAsync(now - MaxAge + TimeSpan.FromHours(1));
        var tooOld = await ParkAsync(now - MaxAge - TimeSpan.FromHours(1));

        await RunJobAsync(batchSize: 1_000_000);

        (await RemainingAsync(recent, almostTooOld, tooOld)).Should().BeEquivalentTo([recent, almostTooOld], "the run did delete the one too old");
    }

    [Fact]
    public async Task A_run_deletes_no_more_than_the_batch_size_oldest_first()
    {
        // Far older than anything the other tests leave, so these five are the first the run comes to.
        var start = DateTimeOffset.UtcNow - TimeSpan.FromDays(3_000);
        var events = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            events.Add(await ParkAsync(start + TimeSpan.FromMinutes(i)));
        }

        await RunJobAsync(batchSize: 3);

        (await RemainingAsync([.. events])).Should().BeEquivalentTo(events[3..]);
        await RunJobAsync(batchSize: 3);
        (await RemainingAsync([.. events])).Should().BeEmpty("the next run goes on where the last one stopped");
    }

    /// <summary>An event that arrived at <paramref name="receivedAt"/>, with an id made as the webhook side makes it.</summary>
    private async Task<Guid> ParkAsync(DateTimeOffset receivedAt, DateTimeOffset? appliedAt = null)
    {
        var id = Guid.CreateVersion7(receivedAt);
        var pending = new PendingEgressEvent(id, $"EG_prune_{id:N}", $"EV_prune_{id:N}", "egress_ended", "{}", receivedAt);
        if (appliedAt is { } at)
        {
            pending.MarkApplied(at);
        }

        await api.WithDbAsync(async db =>
        {
            db.PendingEgressEvents.Add(pending);
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Runs the pruning job once, as its timer would, on an instance with the given batch size.</summary>
    private async Task RunJobAsync(int batchSize)
    {
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Reliability:PendingEventPruneBatchSize", $"{batchSize}"));
        (await instance.Services.RunJobOnceAsync<PendingEventsPruningJob>()).Should().BeTrue();
    }

    private Task<List<Guid>> RemainingAsync(params Guid[] ids) =>
        api.WithDbAsync(db => db.PendingEgressEvents.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync());
}
