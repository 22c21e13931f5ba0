using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Retention;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Catalogue;

/// <summary>
/// The database keeps <c>recording_daily_totals</c> by trigger; after every kind of write they must equal the same sums
/// taken over the recordings themselves.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingDailyTotalsTests(ApiFixture api)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Daily_totals_equal_the_recordings_after_every_status_change_and_a_physical_delete()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync(retentionDays: 30);
        var teacher = Guid.NewGuid();
        var admin = await api.SignedInClientAsync(adminEmail);

        var started = await api.NewRecordingAsync(academyId, TestData.JustNow(), RecordingStatus.Recording, teacherId: teacher);
        var failing = await api.NewRecordingAsync(academyId, TestData.JustNow(), RecordingStatus.Recording, SessionKind.Quran, teacherId: teacher);
        var old = await api.NewRecordingAsync(academyId, Now.AddDays(-40), teacherId: teacher, sizeBytes: 3_000, durationSeconds: 75.25);
        var deleted = await api.NewRecordingAsync(academyId, Now.AddDays(-2), kind: SessionKind.Academic, sizeBytes: 2_000, durationSeconds: 12.5);
        await TotalsShouldMatchRecordingsAsync(academyId);

        await ChangeAsync(started.Id, r => r.MarkProcessing(teacher, Now));
        await TotalsShouldMatchRecordingsAsync(academyId);

        await ChangeAsync(started.Id, r => r.Complete(new RecordingFile("totals/a.mp4", 123_456, RecordingFormat.Mp4), TimeSpan.FromSeconds(61.5), Now, Now));
        await TotalsShouldMatchRecordingsAsync(academyId);

        await ChangeAsync(failing.Id, r => r.Fail("egress failed", Now));
        await TotalsShouldMatchRecordingsAsync(academyId);

        (await admin.DeleteAsync($"/api/recordings/{deleted.Id}?removeFile=false")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await TotalsShouldMatchRecordingsAsync(academyId);

        var retention = (await (await admin.PostAsync("/api/admin/retention/run", null)).Content.ReadFromJsonAsync<RetentionReportJson>())!;
        retention.Recordings.Select(r => r.Id).Should().Equal(old.Id);
        await TotalsShouldMatchRecordingsAsync(academyId);

        await api.WithDbAsync(db => db.Recordings.Where(r => r.Id == failing.Id).ExecuteDeleteAsync());
        await TotalsShouldMatchRecordingsAsync(academyId);
    }

    [Fact]
    public async Task Rebuilding_the_totals_gives_what_the_trigger_kept()
    {
        var (academyId, _) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, Now.AddDays(-3), sizeBytes: 7_000, durationSeconds: 30.5);
        await api.NewRecordingAsync(academyId, Now.AddDays(-3).AddHours(-1), RecordingStatus.Failed);
        await ChangeAsync(recording.Id, r => r.Delete(deletedByUserId: null, Now, filesRemoved: false));
        var kept = await TotalsAsync(academyId);

        await api.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("SELECT recording_daily_totals_rebuild()"));

        (await TotalsAsync(academyId)).Should().BeEquivalentTo(kept);
        kept.Should().BeEquivalentTo(await RecountAsync(academyId));
    }

    private Task ChangeAsync(Guid recordingId, Action<Domain.Recordings.Recording> change) =>
        api.WithDbAsync(async db =>
        {
            change(await db.Recordings.SingleAsync(r => r.Id == recordingId));
            await db.SaveChangesAsync();
        });

    private async Task TotalsShouldMatchRecordingsAsync(Guid academyId) =>
        (await TotalsAsync(academyId)).Should().BeEquivalentTo(await RecountAsync(academyId));

    /// <summary>The academy's totals rows, leaving out the groups that went back to nothing (the trigger keeps them).</summary>
    private Task<List<DailyTotal>> TotalsAsync(Guid academyId) =>
        api.WithDbAsync(db => db.Set<RecordingDailyTotal>().AsNoTracking()
            .Where(t => t.AcademyId == academyId && (t.Count != 0 || t.Bytes != 0 || t.Seconds != 0))
            .Select(t => new DailyTotal(t.Day, t.TeacherId, t.SessionKind, t.Status, t.Count, t.Bytes, t.Seconds))
            .ToListAsync());

    /// <summary>The same sums taken here over the academy's recordings, by the UTC day of their start.</summary>
    private async Task<List<DailyTotal>> RecountAsync(Guid academyId)
    {
        var recordings = await api.WithDbAsync(db => db.Recordings.AsNoTracking().Where(r => r.AcademyId == academyId).ToListAsync());
        return recordings
            .GroupBy(r => (Day: DateOnly.FromDateTime(r.StartedAt.UtcDateTime), r.TeacherId, r.SessionKind, r.Status))
            .Select(g => new DailyTotal(
                g.Key.Day, g.Key.TeacherId, g.Key.SessionKind, g.Key.Status, g.Count(),
                g.Sum(r => r.File?.SizeBytes ?? 0), g.Sum(r => (decimal)(r.Duration?.Ticks ?? 0) / TimeSpan.TicksPerSecond)))
            .ToList();
    }

    private sealed record DailyTotal(DateOnly Day, Guid TeacherId, SessionKind Kind, RecordingStatus Status, int Count, long Bytes, decimal Seconds);
}
