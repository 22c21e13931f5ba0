using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.TestSupport;
using static ItqanRecording.Api.Tests.Learning.LearningWebhooks;

namespace ItqanRecording.Api.Tests.Learning;

/// <summary>Attendance from LiveKit's participant webhooks, shown to the session's teacher and the admins.</summary>
[Collection(ApiCollection.Name)]
public sealed class AttendanceTests(ApiFixture api)
{
    private static readonly DateTimeOffset ClassStart = new(2026, 12, 7, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Joins_and_leaves_become_minutes_per_student_and_the_one_who_left_early_needs_to_catch_up()
    {
        var bilalId = await api.NewStudentAsync("Bilal");
        var sessionId = await api.NewInteractiveSessionAsync(alsoEnrolled: bilalId);
        var room = DemoData.RoomNameFor(SessionKind.Interactive, sessionId);
        var webhooks = api.AnonymousClient();
        // The teacher (by email) for the whole hour; the first student (by id) for 50 minutes over two connections, one of
        // them overlapping; the second student 10 minutes; the recorder and a guest nobody knows.
        string[] events =
        [
            Participant("participant_joined", room, "PA_teacher", "teacher@demo.itqan", ClassStart, ClassStart),
            Participant("participant_left", room, "PA_teacher", "teacher@demo.itqan", ClassStart, ClassStart.AddMinutes(60)),
            Participant("participant_joined", room, "PA_amina1", DemoData.StudentId.ToString(), ClassStart, ClassStart),
            Participant("participant_left", room, "PA_amina1", DemoData.StudentId.ToString(), ClassStart, ClassStart.AddMinutes(40)),
            Participant("participant_joined", room, "PA_amina2", DemoData.StudentId.ToString(), ClassStart.AddMinutes(30), ClassStart.AddMinutes(30)),
            Participant("participant_left", room, "PA_amina2", DemoData.StudentId.ToString(), ClassStart.AddMinutes(30), ClassStart.AddMinutes(50)),
            Participant("participant_joined", room, "PA_bilal", bilalId.ToString(), ClassStart.AddMinutes(5), ClassStart.AddMinutes(5)),
            Participant("participant_left", room, "PA_bilal", bilalId.ToString(), ClassStart.AddMinutes(5), ClassStart.AddMinutes(15)),
            Participant("participant_joined", room, "PA_egress", "EG_k3Qm9TfXa2Lp", ClassStart, ClassStart, kind: "EGRESS"),
            Participant("participant_joined", room, "PA_guest", "guest-7", ClassStart.AddMinutes(1), ClassStart.AddMinutes(1)),
            Participant("participant_left", room, "PA_guest", "guest-7", ClassStart.AddMinutes(1), ClassStart.AddMinutes(2)),
        ];
        foreach (var body in events)
        {
            (await webhooks.PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var attendance = (await teacher.GetFromJsonAsync<AttendanceJson>($"/api/sessions/{sessionId}/attendance"))!;

        attendance.ClassMinutes.Should().BeApproximately(60, 0.01);
        var amina = attendance.Students.Single(s => s.UserId == DemoData.StudentId);
        (amina.AttendedMinutes, amina.Missed, amina.LeftEarly, amina.NeedsToCatchUp).Should().Be((50, false, false, false),
            "two connections that overlap count once: 0–40 and 30–50 make 50 minutes of 60");
        var bilal = attendance.Students.Single(s => s.UserId == bilalId);
        (bilal.AttendedMinutes, bilal.LeftEarly, bilal.Watched, bilal.NeedsToCatchUp).Should().Be((10, true, false, true));
        attendance.Students[0].UserId.Should().Be(bilalId, "who needs to catch up comes first");
        attendance.Others.Select(o => (o.Identity, o.AttendedMinutes)).Should().BeEquivalentTo(
            [("teacher@demo.itqan", 60.0), ("guest-7", 1.0)], "the recorder is no participant");
        attendance.Others.Single(o => o.Identity == "teacher@demo.itqan").UserId.Should().Be(DemoData.TeacherId);
    }

    [Fact]
    public async Task A_student_who_joins_and_leaves_the_room_through_LiveKit_is_attended()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var room = DemoData.RoomNameFor(SessionKind.Interactive, sessionId);
        var teacher = await api.SignedInClientAsync(TestData.Teacher);

        await api.Emulator.JoinAsync(room, TestData.Student);
        var joined = await Poll.UntilAsync(
            () => teacher.GetFromJsonAsync<AttendanceJson>($"/api/sessions/{sessionId}/attendance")!, a => a!.Students.Single().AttendedMinutes > 0);
        await api.Emulator.LeaveAsync(room, TestData.Student);
        var left = await Poll.UntilAsync(
            () => api.WithDbAsync(db => Task.FromResult(db.AttendanceIntervals.Single(i => i.SessionId == sessionId))), stay => stay.LeftAt is not null);

        joined!.Students.Single().Missed.Should().BeFalse();
        left.UserId.Should().Be(DemoData.StudentId, "the identity is the student's email");
        left.LeftAt.Should().BeOnOrAfter(left.JoinedAt);
    }

    [Fact]
    public async Task A_resent_join_and_a_leave_that_arrives_first_still_make_one_stay()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var room = DemoData.RoomNameFor(SessionKind.Interactive, sessionId);
        var webhooks = api.AnonymousClient();
        var joined = Participant("participant_joined", room, "PA_once", DemoData.StudentId.ToString(), ClassStart, ClassStart);
        var left = Participant("participant_left", room, "PA_once", DemoData.StudentId.ToString(), ClassStart, ClassStart.AddMinutes(25));

        foreach (var body in new[] { left, joined, joined, LiveKitWebhooks.WithNewEventId(joined) })
        {
            (await webhooks.PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var admin = await api.SignedInClientAsync(TestData.Admin);
        var attendance = (await admin.GetFromJsonAsync<AttendanceJson>($"/api/sessions/{sessionId}/attendance"))!;
        attendance.Students.Single().AttendedMinutes.Should().BeApproximately(25, 0.01);
        (await api.WithDbAsync(db => Task.FromResult(db.AttendanceIntervals.Count(i => i.SessionId == sessionId)))).Should().Be(1);
    }

    [Fact]
    public async Task Only_the_teacher_and_the_admins_see_a_sessions_attendance()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var outsider = await api.SignedInClientAsync(TestData.Outsider);

        await (await student.GetAsync($"/api/sessions/{sessionId}/attendance")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "learning.attendance_forbidden");
        (await outsider.GetAsync($"/api/sessions/{sessionId}/attendance")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.AnonymousClient().GetAsync($"/api/sessions/{sessionId}/attendance")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_room_that_is_no_sessions_is_acknowledged_and_leaves_nothing()
    {
        var body = Participant("participant_joined", "some-other-room", "PA_stray", "stray", ClassStart, ClassStart);

        (await api.AnonymousClient().PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await api.WithDbAsync(db => Task.FromResult(db.AttendanceIntervals.Any(i => i.ParticipantSid == "PA_stray")))).Should().BeFalse();
    }

    private sealed record AttendanceJson(double ClassMinutes, List<StudentJson> Students, List<OtherJson> Others);

    private sealed record StudentJson(
        Guid UserId, string Name, double AttendedMinutes, bool Missed, bool LeftEarly, double WatchedCoverage, bool Watched, bool NeedsToCatchUp);

    private sealed record OtherJson(string Identity, string Name, Guid? UserId, double AttendedMinutes);
}
