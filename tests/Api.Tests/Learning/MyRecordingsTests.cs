using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using static ItqanRecording.Api.Tests.Learning.LearningWebhooks;

namespace ItqanRecording.Api.Tests.Learning;

/// <summary>My recordings: every recording the user may watch, newest first, found by text, kind and what they have watched.</summary>
[Collection(ApiCollection.Name)]
public sealed class MyRecordingsTests(ApiFixture api)
{
    [Fact]
    public async Task A_student_finds_the_recordings_of_their_classes_newest_first_and_filters_by_what_they_have_watched()
    {
        var bilalId = await api.NewStudentAsync("Bilal");
        var seerah = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), "Seerah of the Prophet", TimeSpan.FromSeconds(100), alsoEnrolled: bilalId);
        var fiqh = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), "Fiqh of prayer", TimeSpan.FromSeconds(100), alsoEnrolled: bilalId);
        var notHis = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), "Fiqh of fasting", TimeSpan.FromSeconds(100));
        var bilal = await api.SignedInClientAsync($"student-{bilalId:N}@demo.itqan");
        (await Beat(bilal, seerah, 0, 60)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Beat(bilal, seerah, 60, 95)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await api.FlushWatchProgressAsync();

        var all = await PageAsync(bilal, "");
        all.Items.Select(i => i.Recording.Id).Should().Equal([fiqh, seerah], "only his classes, the newest first");
        all.Items.Select(i => (i.Coverage, i.Watched)).Should().Equal((0.0, false), (0.95, true));
        all.Items[0].Recording.PosterUrl.Should().BeNull("no poster was made for this file, and none is promised");
        (await PageAsync(bilal, "?watched=true")).Items.Select(i => i.Recording.Id).Should().Equal([seerah]);
        (await PageAsync(bilal, "?watched=false")).Items.Select(i => i.Recording.Id).Should().Equal([fiqh]);
        (await PageAsync(bilal, "?q=FIQH")).Items.Select(i => i.Recording.Id).Should().Equal([fiqh]);
        (await PageAsync(bilal, "?kind=quran")).Items.Should().BeEmpty();

        var first = await PageAsync(bilal, "?limit=1");
        first.Items.Select(i => i.Recording.Id).Should().Equal([fiqh]);
        (await PageAsync(bilal, $"?limit=1&cursor={first.NextCursor}")).Items.Select(i => i.Recording.Id).Should().Equal([seerah]);

        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        (await PageAsync(teacher, "?q=fiqh%20of")).Items.Select(i => i.Recording.Id).Should().StartWith([notHis, fiqh], "the teacher teaches both courses");
    }

    [Fact]
    public async Task A_bad_filter_is_a_validation_problem()
    {
        var student = await api.SignedInClientAsync(TestData.Student);

        await (await student.GetAsync("/api/me/recordings?kind=sticker")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        await (await student.GetAsync("/api/me/recordings?cursor=not-ours")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        await (await student.GetAsync("/api/me/recordings?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
    }

    private static async Task<PageJson> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/me/recordings{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PageJson>())!;
    }

    private sealed record PageJson(List<ItemJson> Items, string? NextCursor);

    private sealed record ItemJson(RecordingJson Recording, double Coverage, bool Watched);
}
