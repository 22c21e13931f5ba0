using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Api.Tests.Catalogue;

/// <summary>The admins' catalogue, each test in an academy of its own so the demo data never counts.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListRecordingsTests(ApiFixture api)
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_filter_and_their_combinations_select_the_matching_recordings_newest_first()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var (course, circle, lesson, teacher1, teacher2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var start = TestData.JustNow();
        var a = await api.NewRecordingAsync(academyId, start, RecordingStatus.Completed, SessionKind.Interactive, course, teacher1, "Tajweed Basics");
        var b = await api.NewRecordingAsync(academyId, start.AddSeconds(1), RecordingStatus.Failed, SessionKind.Quran, circle, teacher2, "Juz Amma");
        var c = await api.NewRecordingAsync(academyId, start.AddSeconds(2), RecordingStatus.Processing, SessionKind.Academic, lesson, teacher1, "Physics");
        var d = await api.NewRecordingAsync(academyId, start.AddSeconds(3), RecordingStatus.Deleted, SessionKind.Interactive, course, teacher2, "Tajweed Basics");
        var e = await api.NewRecordingAsync(academyId, start.AddSeconds(4), RecordingStatus.Recording, SessionKind.Quran, circle, teacher1, "Juz Amma");
        var admin = await api.SignedInClientAsync(adminEmail);

        async Task<List<Guid>> Ids(string query) =>
            (await admin.GetFromJsonAsync<RecordingPageJson>($"/api/recordings?{query}"))!.Items.ConvertAll(r => r.Id);

        (await Ids("")).Should().Equal(e.Id, d.Id, c.Id, b.Id, a.Id);
        (await Ids("status=deleted")).Should().Equal(d.Id);
        (await Ids("status=Completed")).Should().Equal(a.Id);
        (await Ids("kind=quran")).Should().Equal(e.Id, b.Id);
        (await Ids($"parentId={course}")).Should().Equal(d.Id, a.Id);
        (await Ids($"teacherId={teacher1}")).Should().Equal(e.Id, c.Id, a.Id);
        (await Ids($"from={Iso(b.StartedAt)}&to={Iso(d.StartedAt)}")).Should().Equal([c.Id, b.Id], "from is inclusive and to exclusive");
        (await Ids($"from={Iso(b.StartedAt.ToOffset(TimeSpan.FromHours(2)))}")).Should().Equal([e.Id, d.Id, c.Id, b.Id], "an offset names the same instant");
        (await Ids("q=TAJWEED")).Should().Equal(d.Id, a.Id);
        (await Ids("q=%25")).Should().BeEmpty("a % in the text is a character, not a wildcard");
        (await Ids($"kind=quran&teacherId={teacher1}")).Should().Equal(e.Id);
        (await Ids($"status=completed&parentId={course}&q=basics&from={Iso(start)}")).Should().Equal(a.Id);
        (await Ids($"kind=interactive&teacherId={teacher2}&to={Iso(d.StartedAt)}")).Should().BeEmpty();
    }

    [Fact]
    public async Task Items_carry_what_the_catalogue_shows()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        var recording = await api.NewRecordingAsync(academyId, Day, title: "Seerah Stories", sizeBytes: 2_048);
        var admin = await api.SignedInClientAsync(adminEmail);

        var item = (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings"))!.Items.Single();

        item.Id.Should().Be(recording.Id);
        item.DisplayName.Should().Be("Seerah Stories - Session 1 - 2026-03-01 09:00", "a new academy keeps UTC until it says otherwise");
        item.SessionKind.Should().Be("interactive");
        item.Status.Should().Be("completed");
        item.File!.SizeBytes.Should().Be(2_048);
        item.Metadata["courseTitle"].GetString().Should().Be("Seerah Stories");
    }

    [Fact]
    public async Task A_recording_reads_the_same_in_the_catalogue_and_its_sessions_list_as_on_its_own()
    {
        var title = $"Seerah {Guid.NewGuid():N}";
        var recordingId = await api.NewCompletedRecordingAsync(new RecordingFile("files/seerah.mp4", 2_048, RecordingFormat.Mp4), title);
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var alone = await RecordingJsonAsync(admin, $"/api/recordings/{recordingId}");
        var listed = await RecordingJsonAsync(admin, $"/api/recordings?q={title}", "items");
        var inSession = await RecordingJsonAsync(admin, $"/api/sessions/{alone["sessionId"]}/recordings");

        alone["metadata"]!["courseTitle"]!.GetValue<string>().Should().Be(title);
        JsonNode.DeepEquals(listed, alone).Should().BeTrue($"{listed.ToJsonString()} should equal {alone.ToJsonString()}");
        JsonNode.DeepEquals(inSession, alone).Should().BeTrue($"{inSession.ToJsonString()} should equal {alone.ToJsonString()}");
    }

    /// <summary>The one recording at <paramref name="url"/>, without its links (signed anew for each request).</summary>
    private static async Task<JsonObject> RecordingJsonAsync(HttpClient client, string url, string? list = null)
    {
        var json = JsonNode.Parse(await client.GetStringAsync(url))!;
        var recording = (list is null ? json : json[list]!) is JsonArray items ? items.Single()!.AsObject() : json.AsObject();
        foreach (var link in new[] { "streamUrl", "downloadUrl", "linksExpireAt" })
        {
            recording[link]!.GetValueKind().Should().Be(JsonValueKind.String);
            recording.Remove(link);
        }

        return recording;
    }

    [Fact]
    public async Task Pages_walk_the_whole_catalogue_without_duplicates_or_gaps()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        for (var i = 0; i < 5; i++)
        {
            await api.NewRecordingAsync(academyId, Day.AddHours(i));
        }

        // Two recordings started at the same instant: the id breaks the tie.
        await api.NewRecordingAsync(academyId, Day.AddHours(2));
        await api.NewRecordingAsync(academyId, Day.AddHours(2));
        var admin = await api.SignedInClientAsync(adminEmail);
        var everything = (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?limit=100"))!;

        var pages = await WalkAsync(admin, "limit=3");

        everything.NextCursor.Should().BeNull();
        pages.Select(p => p.Items.Count).Should().Equal(3, 3, 1);
        pages.SelectMany(p => p.Items).Select(r => r.Id).Should().Equal(everything.Items.Select(r => r.Id));
        everything.Items.Select(r => r.StartedAt).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task A_newer_recording_arriving_between_pages_does_not_shift_the_later_pages()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync();
        for (var i = 0; i < 6; i++)
        {
            await api.NewRecordingAsync(academyId, Day.AddHours(i));
        }

        var admin = await api.SignedInClientAsync(adminEmail);
        var before = await WalkAsync(admin, "limit=2");
        var first = (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?limit=2"))!;

        var newer = await api.NewRecordingAsync(academyId, Day.AddDays(1));
        var second = (await admin.GetFromJsonAsync<RecordingPageJson>($"/api/recordings?limit=2&cursor={first.NextCursor}"))!;
        var third = (await admin.GetFromJsonAsync<RecordingPageJson>($"/api/recordings?limit=2&cursor={second.NextCursor}"))!;

        second.Items.Select(r => r.Id).Should().Equal(before[1].Items.Select(r => r.Id));
        third.Items.Select(r => r.Id).Should().Equal(before[2].Items.Select(r => r.Id));
        third.NextCursor.Should().BeNull();
        (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?limit=2"))!.Items[0].Id.Should().Be(newer.Id);
    }

    [Theory]
    [InlineData("/api/recordings?status=archived", "status")]
    [InlineData("/api/recordings?kind=video", "kind")]
    [InlineData("/api/recordings?kind=1", "kind")]
    [InlineData("/api/recordings?limit=0", "limit")]
    [InlineData("/api/recordings?limit=101", "limit")]
    [InlineData("/api/recordings?cursor=not-a-cursor-we-ever-gave-out", "cursor")]
    [InlineData("/api/recordings?cursor=", "cursor")]
    [InlineData("/api/recordings?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("/api/recordings/stats?status=archived", "status")]
    [InlineData("/api/recordings/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task A_bad_filter_is_a_validation_problem_naming_the_parameter(string url, string parameter)
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ValidationProblemJson>())!.Errors.Should().ContainKey(parameter);
    }

    [Theory]
    [InlineData("/api/recordings?limit=many")]
    [InlineData("/api/recordings?from=yesterday")]
    [InlineData("/api/recordings?teacherId=not-a-guid")]
    public async Task A_parameter_that_is_not_even_of_its_type_is_a_bad_request(string url)
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(TestData.Teacher, "/api/recordings")]
    [InlineData(TestData.Student, "/api/recordings")]
    [InlineData(TestData.Teacher, "/api/recordings/stats")]
    [InlineData(TestData.Student, "/api/recordings/stats")]
    public async Task Only_academy_admins_may_open_the_catalogue(string email, string url)
    {
        var user = await api.SignedInClientAsync(email);

        (await user.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_academys_admin_sees_none_of_our_recordings()
    {
        var (ours, ourAdminEmail) = await api.NewAcademyWithAdminAsync();
        var (_, theirAdminEmail) = await api.NewAcademyWithAdminAsync();
        var course = Guid.NewGuid();
        var recording = await api.NewRecordingAsync(ours, Day, parentId: course);
        var ourAdmin = await api.SignedInClientAsync(ourAdminEmail);
        var theirAdmin = await api.SignedInClientAsync(theirAdminEmail);

        var theirList = (await theirAdmin.GetFromJsonAsync<RecordingPageJson>($"/api/recordings?parentId={course}"))!;
        var theirStats = (await theirAdmin.GetFromJsonAsync<CatalogueStatisticsJson>($"/api/recordings/stats?parentId={course}"))!;
        var theirAudit = await theirAdmin.GetAsync($"/api/recordings/{recording.Id}/audit");
        var theirDelete = await theirAdmin.DeleteAsync($"/api/recordings/{recording.Id}?removeFile=true");

        theirList.Items.Should().BeEmpty();
        theirStats.Total.Should().Be(0);
        theirAudit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        theirDelete.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var ourView = (await ourAdmin.GetFromJsonAsync<RecordingPageJson>($"/api/recordings?parentId={course}"))!;
        ourView.Items.Should().ContainSingle(r => r.Id == recording.Id && r.Status == "completed");
        File.Exists(Path.Combine(api.StorageRoot, recording.File!.RelativePath)).Should().BeTrue();
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static async Task<List<RecordingPageJson>> WalkAsync(HttpClient admin, string query)
    {
        var pages = new List<RecordingPageJson>();
        string? cursor = null;
        do
        {
            var url = cursor is null ? $"/api/recordings?{query}" : $"/api/recordings?{query}&cursor={cursor}";
            var page = (await admin.GetFromJsonAsync<RecordingPageJson>(url))!;
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 100);

        return pages;
    }
}
