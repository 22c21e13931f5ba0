using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Api.Tests.Recordings;

/// <summary>"My sessions" across the three kinds, on the demo academy's circles and lessons.</summary>
[Collection(ApiCollection.Name)]
public sealed class MySessionsTests(ApiFixture api)
{
    [Fact]
    public async Task A_student_sees_the_sessions_of_every_kind_they_take_part_in()
    {
        var student = await api.SignedInClientAsync(TestData.Student);

        var titles = (await student.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.Select(s => s.Title).ToList();

        titles.Should().Contain(["Tajweed Foundations - Session 2", "Hifz with Amina - Surat Al-Qalam", "Juz Amma Group - An-Naba", "Mathematics - Functions", "Physics - Motion"]);
        titles.Should().NotContain(["Evening Tilawah - Week 12", "Seerah Stories - Session 2"]);
    }

    [Fact]
    public async Task Classes_to_come_are_listed_soonest_first_and_the_classes_that_are_over_after_them_latest_first()
    {
        var studentId = await api.NewStudentAsync("Hamza");
        var now = DateTimeOffset.UtcNow;
        var inTwoDays = await api.NewInteractiveSessionAsync(status: SessionStatus.Scheduled, scheduledAt: now.AddDays(2), courseTitle: "In two days", alsoEnrolled: studentId);
        var fiveDaysAgo = await api.NewInteractiveSessionAsync(status: SessionStatus.Completed, scheduledAt: now.AddDays(-5), courseTitle: "Five days ago", alsoEnrolled: studentId);
        var tomorrow = await api.NewInteractiveSessionAsync(status: SessionStatus.Ready, scheduledAt: now.AddDays(1), courseTitle: "Tomorrow", alsoEnrolled: studentId);
        var yesterday = await api.NewInteractiveSessionAsync(status: SessionStatus.Completed, scheduledAt: now.AddDays(-1), courseTitle: "Yesterday", alsoEnrolled: studentId);
        var student = await api.SignedInClientAsync($"student-{studentId:N}@demo.itqan");

        var ids = (await student.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.Select(s => s.Id);

        ids.Should().Equal(tomorrow, inTwoDays, yesterday, fiveDaysAgo);
    }

    [Fact]
    public async Task A_group_member_sees_the_group_circles_but_not_another_students_individual_circle()
    {
        var member = await api.SignedInClientAsync("student2@demo.itqan");

        var sessions = (await member.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!;

        sessions.Select(s => s.Title).Should().Contain(["Juz Amma Group - An-Naba", "Evening Tilawah - Week 12"])
            .And.NotContain(s => s.StartsWith("Hifz with Amina", StringComparison.Ordinal))
            .And.NotContain(s => s.StartsWith("Tajweed", StringComparison.Ordinal));
        sessions.Should().OnlyContain(s => s.Kind == "quran");
    }

    [Fact]
    public async Task A_teacher_sees_only_what_they_teach()
    {
        var teacher2 = await api.SignedInClientAsync("teacher2@demo.itqan");

        var titles = (await teacher2.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.Select(s => s.Title).ToList();

        titles.Should().Contain(["Juz Amma Group - An-Naba", "Evening Tilawah - Week 12", "Physics - Motion"])
            .And.NotContain(["Tajweed Foundations - Session 2", "Mathematics - Functions"]);
    }

    [Fact]
    public async Task An_admin_sees_every_session_of_the_academy_and_none_of_another()
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);
        var otherAdmin = await api.SignedInClientAsync("admin2@demo.itqan");

        var ours = (await admin.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.Select(s => s.Title).ToList();
        var theirs = (await otherAdmin.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.Select(s => s.Title).ToList();

        ours.Should().Contain(["Tajweed Foundations - Session 2", "Evening Tilawah - Week 12", "Physics - Motion"]).And.NotContain(t => t.StartsWith("Seerah", StringComparison.Ordinal));
        theirs.Should().Contain("Seerah Stories - Session 2").And.NotContain(t => t.StartsWith("Tajweed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_recording_switches_show_in_the_list()
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var sessions = (await admin.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.ToDictionary(s => s.Title);

        sessions["Hifz with Amina - Surat Al-Qalam"].RecordingEnabled.Should().BeTrue("the circle inherits the academy's on");
        sessions["Juz Amma Group - An-Naba"].RecordingEnabled.Should().BeFalse("the circle says off although the academy says on");
        sessions["Evening Tilawah - Week 12"].RecordingEnabled.Should().BeTrue("the circle says on");
        sessions["Mathematics - Functions"].RecordingEnabled.Should().BeTrue("the lesson says on although the academy says off");
        sessions["Physics - Motion"].RecordingEnabled.Should().BeFalse("the lesson inherits the academy's off");
    }
}
