using System.Globalization;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Recordings;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Api.Tests.Catalogue;

[Collection(ApiCollection.Name)]
public sealed class CatalogueStatisticsTests(ApiFixture api)
{
    [Fact]
    public async Task Statistics_add_up_the_recordings_the_list_shows_for_the_same_filter()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var teacher = Guid.NewGuid();
        var start = TestData.JustNow();
        await api.NewRecordingAsync(academyId, start, RecordingStatus.Completed, SessionKind.Interactive, teacherId: teacher, sizeBytes: 1_000, durationSeconds: 60);
        await api.NewRecordingAsync(academyId, start.AddSeconds(1), RecordingStatus.Completed, SessionKind.Quran, sizeBytes: 2_000, durationSeconds: 90.5);
        await api.NewRecordingAsync(academyId, start.AddSeconds(2), RecordingStatus.Failed, SessionKind.Academic, teacherId: teacher);
        await api.NewRecordingAsync(academyId, start.AddSeconds(3), RecordingStatus.Processing, SessionKind.Interactive);
        await api.NewRecordingAsync(academyId, start.AddSeconds(4), RecordingStatus.Recording, SessionKind.Quran, teacherId: teacher);
        await api.NewRecordingAsync(academyId, start.AddSeconds(5), RecordingStatus.Deleted, SessionKind.Interactive, sizeBytes: 500, durationSeconds: 30.25);
        var admin = await api.SignedInClientAsync(adminEmail);

        var all = (await admin.GetFromJsonAsync<CatalogueStatisticsJson>("/api/recordings/stats"))!;
        var interactive = (await admin.GetFromJsonAsync<CatalogueStatisticsJson>("/api/recordings/stats?kind=interactive"))!;
        var completed = (await admin.GetFromJsonAsync<CatalogueStatisticsJson>("/api/recordings/stats?status=completed"))!;
        var teachers = (await admin.GetFromJsonAsync<CatalogueStatisticsJson>($"/api/recordings/stats?teacherId={teacher}"))!;
        var nothing = (await admin.GetFromJsonAsync<CatalogueStatisticsJson>("/api/recordings/stats?q=no+such+title"))!;

        all.Should().BeEquivalentTo(new CatalogueStatisticsJson(
            6, new StatusCountsJson(1, 1, 2, 1, 1), new KindCountsJson(3, 2, 1), 3_500, 180.75));
        interactive.Should().BeEquivalentTo(new CatalogueStatisticsJson(
            3, new StatusCountsJson(0, 1, 1, 0, 1), new KindCountsJson(3, 0, 0), 1_500, 90.25));
        completed.Should().BeEquivalentTo(new CatalogueStatisticsJson(
            2, new StatusCountsJson(0, 0, 2, 0, 0), new KindCountsJson(1, 1, 0), 3_000, 150.5));
        teachers.Should().BeEquivalentTo(new CatalogueStatisticsJson(
            3, new StatusCountsJson(1, 0, 1, 1, 0), new KindCountsJson(1, 1, 1), 1_000, 60));
        nothing.Should().BeEquivalentTo(new CatalogueStatisticsJson(
            0, new StatusCountsJson(0, 0, 0, 0, 0), new KindCountsJson(0, 0, 0), 0, 0));
        var listed = (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?kind=interactive"))!.Items;
        listed.Should().HaveCount(interactive.Total);
        listed.Sum(r => r.File?.SizeBytes ?? 0).Should().Be(interactive.TotalBytes);
    }

    private static readonly DateTimeOffset Day = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Statistics_from_the_daily_totals_equal_the_sums_over_the_rows_for_any_instants()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var teacher = Guid.NewGuid();
        var title = $"Edges {Guid.NewGuid():N}"[..14];
        var recordings = new List<Domain.Recordings.Recording>
        {
            await api.NewRecordingAsync(academyId, Day.AddMinutes(-30), teacherId: teacher, title: title, sizeBytes: 1_000, durationSeconds: 60),
            await api.NewRecordingAsync(academyId, Day, kind: SessionKind.Quran, teacherId: teacher, title: title, sizeBytes: 2_000, durationSeconds: 90.5),
            await api.NewRecordingAsync(academyId, Day.AddHours(6.25), RecordingStatus.Failed, SessionKind.Academic, title: title),
            await api.NewRecordingAsync(academyId, Day.AddDays(1).AddSeconds(-1), RecordingStatus.Deleted, teacherId: teacher, title: title, sizeBytes: 500, durationSeconds: 30.25),
            await api.NewRecordingAsync(academyId, Day.AddDays(1).AddHours(12), teacherId: teacher, title: title, sizeBytes: 4_000, durationSeconds: 120),
            await api.NewRecordingAsync(academyId, Day.AddDays(2).AddHours(8), kind: SessionKind.Quran, title: title, sizeBytes: 8_000, durationSeconds: 15.75),
            await api.NewRecordingAsync(academyId, Day.AddDays(3), RecordingStatus.Failed, teacherId: teacher, title: title),
            await api.NewRecordingAsync(academyId, TestData.JustNow(), RecordingStatus.Processing, teacherId: teacher, title: title),
        };
        var admin = await api.SignedInClientAsync(adminEmail);
        (DateTimeOffset? From, DateTimeOffset? To, RecordingStatus? Status, SessionKind? Kind, Guid? Teacher)[] filters =
        [
            (null, null, null, null, null),
            (null, null, RecordingStatus.Completed, null, null),
            (null, null, null, SessionKind.Quran, teacher),
            (Day, Day.AddDays(2), null, null, null),
            (Day.AddHours(6.25), Day.AddDays(2).AddHours(8), null, null, null),
            (Day.AddHours(-1), Day.AddDays(1).AddHours(13), null, null, teacher),
            (Day.AddHours(1), Day.AddHours(23), null, null, null),
            (Day.AddHours(-1), Day.AddHours(1), null, null, null),
            (Day.AddHours(12), null, RecordingStatus.Failed, null, null),
            (null, Day.AddDays(1).AddHours(12), null, SessionKind.Interactive, null),
            (Day.AddDays(1).AddHours(2).ToOffset(TimeSpan.FromHours(3)), Day.AddDays(3).AddSeconds(1).ToOffset(TimeSpan.FromHours(-5)), null, null, null),
        ];

        foreach (var (from, to, status, kind, teacherId) in filters)
        {
            var query = string.Join('&', new[]
            {
                from is { } f ? $"from={Uri.EscapeDataString(f.ToString("O", CultureInfo.InvariantCulture))}" : null,
                to is { } t ? $"to={Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture))}" : null,
                status is { } s ? $"status={s.ToString().ToLowerInvariant()}" : null,
                kind is { } k ? $"kind={k.ToString().ToLowerInvariant()}" : null,
                teacherId is { } id ? $"teacherId={id}" : null,
            }.Where(part => part is not null));
            var rows = recordings.Where(r => (from is null || r.StartedAt >= from) && (to is null || r.StartedAt < to)
                && (status is null || r.Status == status) && (kind is null || r.SessionKind == kind) && (teacherId is null || r.TeacherId == teacherId));

            var fromTotals = (await admin.GetFromJsonAsync<CatalogueStatisticsJson>($"/api/recordings/stats?{query}"))!;
            // A text filter cannot be answered from the totals: it sums the rows themselves.
            var fromRows = (await admin.GetFromJsonAsync<CatalogueStatisticsJson>($"/api/recordings/stats?{query}&q={Uri.EscapeDataString(title)}"))!;

            fromTotals.Should().BeEquivalentTo(SumsOf(rows.ToList()), because: "the filter is {0}", query);
            fromRows.Should().BeEquivalentTo(fromTotals, because: "the filter is {0}", query);
        }
    }

    private static CatalogueStatisticsJson SumsOf(List<Domain.Recordings.Recording> rows)
    {
        int With(RecordingStatus status) => rows.Count(r => r.Status == status);
        int Of(SessionKind kind) => rows.Count(r => r.SessionKind == kind);
        return new CatalogueStatisticsJson(
            rows.Count,
            new StatusCountsJson(With(RecordingStatus.Recording), With(RecordingStatus.Processing), With(RecordingStatus.Completed), With(RecordingStatus.Failed), With(RecordingStatus.Deleted)),
            new KindCountsJson(Of(SessionKind.Interactive), Of(SessionKind.Quran), Of(SessionKind.Academic)),
            rows.Sum(r => r.File?.SizeBytes ?? 0),
            rows.Sum(r => r.Duration?.TotalSeconds ?? 0));
    }
}
