using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Reliability;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Learning;

/// <summary>The teacher's "Mark this moment" becomes the recording's chapters; students keep bookmarks of their own.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingMarksTests(ApiFixture api)
{
    [Fact]
    public async Task Moments_the_teacher_marks_during_the_class_become_the_recordings_chapters_in_a_WebVTT_track()
    {
        var started = await api.StartRecordingAsync();
        var first = await MarkAsync(started.Teacher, started.SessionId, "Al-Mulk, ayat 1–5");
        await Task.Delay(300);
        var second = await MarkAsync(started.Teacher, started.SessionId, null);
        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var completed = await started.Teacher.WaitForStatusAsync(started.Recording.Id, "completed");

        first.RecordingId.Should().Be(started.Recording.Id);
        second.AtSeconds.Should().BeGreaterThan(first.AtSeconds + 0.25, "the second moment came later in the class");
        second.Label.Should().MatchRegex(@"^\d\d:\d\d:\d\d$", "an unlabelled moment is named by its time");
        var student = await api.SignedInClientAsync(TestData.Student);
        var marks = (await student.GetFromJsonAsync<List<MarkJson>>($"/api/recordings/{started.Recording.Id}/marks"))!;
        marks.Select(m => (m.Kind, m.Label, m.Mine)).Should().Equal(("chapter", "Al-Mulk, ayat 1–5", false), ("chapter", second.Label, false));

        var track = await student.GetAsync($"/api/recordings/{started.Recording.Id}/chapters");
        track.Content.Headers.ContentType!.MediaType.Should().Be("text/vtt");
        var cues = (await track.Content.ReadAsStringAsync()).Split("\n\n");
        cues[0].Should().Be("WEBVTT");
        cues.Should().HaveCount(3);
        cues[1].Should().Contain(" --> ").And.EndWith("Al-Mulk, ayat 1–5");
        completed.DurationSeconds.Should().NotBeNull();
    }

    [Fact]
    public async Task Marking_needs_a_running_recording_and_the_sessions_teacher()
    {
        var started = await api.StartRecordingAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        await (await student.PostAsJsonAsync($"/api/sessions/{started.SessionId}/recordings/marks", new { label = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.control_forbidden");
        (await started.Teacher.PostAsync($"/api/sessions/{started.SessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await started.Teacher.PostAsJsonAsync($"/api/sessions/{started.SessionId}/recordings/marks", new { label = "late" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "recording.not_active");
        await (await started.Teacher.PostAsJsonAsync($"/api/sessions/{started.SessionId}/recordings/marks", new { label = new string('a', 201) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task A_students_bookmarks_are_their_own_and_only_the_teacher_edits_the_chapters()
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(_ => { }), duration: TimeSpan.FromSeconds(100));
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var student = await api.SignedInClientAsync(TestData.Student);
        var marks = $"/api/recordings/{recordingId}/marks";

        var chapter = await AddAsync(teacher, marks, new { kind = "chapter", atSeconds = 10, label = "Introduction" });
        var bookmark = await AddAsync(student, marks, new { kind = "bookmark", atSeconds = 42.5, label = "ask about this" });

        (await student.GetFromJsonAsync<List<MarkJson>>(marks))!.Select(m => (m.Label, m.Mine, m.Editable))
            .Should().Equal(("Introduction", false, false), ("ask about this", true, true));
        (await teacher.GetFromJsonAsync<List<MarkJson>>(marks))!.Select(m => (m.Label, m.Editable))
            .Should().Equal([("Introduction", true)], "a bookmark is its student's alone, and the teacher edits the chapters");
        await (await student.PostAsJsonAsync(marks, new { kind = "chapter", atSeconds = 5 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "learning.chapters_forbidden");
        await (await student.PutAsJsonAsync($"{marks}/{chapter.Id}", new { atSeconds = 1, label = "mine now" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "learning.chapters_forbidden");
        await (await teacher.DeleteAsync($"{marks}/{bookmark.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "learning.mark_not_found");
        await (await student.PostAsJsonAsync(marks, new { kind = "bookmark", atSeconds = 101 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "learning.mark_past_the_end");
        (await student.PostAsJsonAsync(marks, new { kind = "sticker", atSeconds = 1 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var outsider = await api.SignedInClientAsync(TestData.Outsider);
        await (await outsider.GetAsync(marks)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");

        var moved = await (await teacher.PutAsJsonAsync($"{marks}/{chapter.Id}", new { atSeconds = 12.25, label = "  Opening du'a  " })).Content.ReadFromJsonAsync<MarkJson>();
        (moved!.AtSeconds, moved.Label).Should().Be((12.25, "Opening du'a"));
        (await student.DeleteAsync($"{marks}/{bookmark.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await student.GetFromJsonAsync<List<MarkJson>>(marks))!.Select(m => m.Label).Should().Equal(["Opening du'a"]);
    }

    private static async Task<MarkJson> MarkAsync(HttpClient teacher, Guid sessionId, string? label)
    {
        var response = await teacher.PostAsJsonAsync($"/api/sessions/{sessionId}/recordings/marks", new { label });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MarkJson>())!;
    }

    private static async Task<MarkJson> AddAsync(HttpClient client, string path, object mark)
    {
        var response = await client.PostAsJsonAsync(path, mark);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MarkJson>())!;
    }

    private sealed record MarkJson(Guid Id, Guid RecordingId, string Kind, double AtSeconds, string Label, bool Mine, bool Editable);
}
