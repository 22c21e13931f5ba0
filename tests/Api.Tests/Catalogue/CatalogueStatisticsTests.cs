using System.Net.Http.Json;
using Itqan.Recording.Api.Tests.Recordings;
using Itqan.Recording.Api.Tests.Support;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Sessions;

namespace Itqan.Recording.Api.Tests.Catalogue;

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
}
