using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using static ItqanRecording.Api.Tests.Learning.LearningWebhooks;

namespace ItqanRecording.Api.Tests.Analytics;

/// <summary>
/// The analytics dashboard: what was recorded and watched in the academy's classes, by period, course and teacher,
/// with the catch-up of the students who missed a class or left early; admins see the academy, teachers their own classes, students nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AnalyticsTests(ApiFixture api)
{
    private static readonly DateTimeOffset ClassStart = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_class_recorded_attended_and_watched_shows_its_hours_views_coverage_and_catch_up()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var admin = await api.SignedInClientAsync(academy.AdminEmail);
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        var student = await api.SignedInClientAsync(academy.StudentEmail);
        var absentee = await EnrolAbsenteeAsync(academy);
        var recording = await api.RecordClassAsync(teacher, academy.SessionId);
        var room = DemoData.RoomNameFor(SessionKind.Interactive, academy.SessionId);
        var webhooks = api.AnonymousClient();
        foreach (var body in new[]
        {
            Participant("participant_joined", room, "PA_t", academy.TeacherEmail, ClassStart, ClassStart),
            Participant("participant_left", room, "PA_t", academy.TeacherEmail, ClassStart, ClassStart.AddMinutes(60)),
            Participant("participant_joined", room, "PA_s", academy.StudentEmail, ClassStart.AddMinutes(5), ClassStart.AddMinutes(5)),
            Participant("participant_left", room, "PA_s", academy.StudentEmail, ClassStart.AddMinutes(5), ClassStart.AddMinutes(15)),
        })
        {
            (await webhooks.PostSignedAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var seconds = recording.DurationSeconds!.Value;
        var before = await DashboardAsync(admin, "");
        before.Report.CatchUp.Should().Be(new CatchUpJson(2, 0, 0), "she left after 10 of 60 minutes, the other student never came, and neither has watched it yet");
        (await Beat(student, recording.Id, 0, seconds)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Beat(absentee, recording.Id, 0, 1)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await api.FlushWatchProgressAsync();

        var report = (await DashboardAsync(admin, "")).Report;

        report.Totals.Recordings.Should().Be(1);
        report.Totals.RecordedSeconds.Should().BeApproximately(seconds, 0.01);
        report.Totals.RecordedBytes.Should().Be(recording.File!.SizeBytes);
        (report.Totals.Views, report.Totals.UniqueViewers).Should().Be((2, 2));
        report.Totals.WatchedSeconds.Should().Be((long)Math.Floor(seconds) + 1);
        report.Totals.AverageCoverage.Should().BeApproximately(((Math.Floor(seconds) / seconds) + (1 / seconds)) / 2, 0.01);
        report.CatchUp.Should().Be(new CatchUpJson(2, 1, 0.5), "she watched it since; the absentee has not");
        var attendance = (await teacher.GetFromJsonAsync<AttendanceJson>($"/api/sessions/{academy.SessionId}/attendance"))!.Students;
        (attendance.Count(s => s.Missed || s.LeftEarly), attendance.Count(s => (s.Missed || s.LeftEarly) && s.Watched))
            .Should().Be((report.CatchUp.NeedingCatchUp, report.CatchUp.CaughtUp), "the dashboard counts as the teacher's attendance list does");
        report.Periods.Should().ContainSingle().Which.Figures.Recordings.Should().Be(1);
        var course = report.Parents.Should().ContainSingle().Subject;
        (course.SessionKind, course.Name, course.TeacherName, course.CatchUp.CaughtUp).Should().Be(("interactive", "Reviewed course", "Its Teacher", 1));
        report.Teachers.Should().ContainSingle().Which.Figures.Views.Should().Be(2);
        report.StoredBytes.Should().Be(recording.File.SizeBytes);

        var teachers = (await DashboardAsync(teacher, "?bucket=month")).Report;
        teachers.Totals.Recordings.Should().Be(1, "the teacher sees their own classes");
        await (await student.GetAsync("/api/analytics")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "analytics.forbidden");
    }

    /// <summary>A second student of the class's course, signed in, who never joins the room.</summary>
    private async Task<HttpClient> EnrolAbsenteeAsync(TestData.AcademyWithClass academy)
    {
        var email = $"absentee-{academy.AcademyId:N}@class.itqan";
        await api.WithDbAsync(async db =>
        {
            var id = Guid.NewGuid();
            db.Users.Add(new User(id, academy.AcademyId, email, "The Absentee", UserRole.Student, new Infrastructure.Identity.AspNetPasswordHasher().Hash(TestData.Password)));
            var session = await db.Sessions.OfType<InteractiveCourseSession>().Include(s => s.Course).ThenInclude(c => c.Enrollments)
                .SingleAsync(s => s.Id == academy.SessionId);
            session.Course.Enroll(id);
            await db.SaveChangesAsync();
        });
        return await api.SignedInClientAsync(email);
    }

    [Fact]
    public async Task The_report_covers_the_days_asked_and_refuses_a_span_that_runs_backwards_or_too_long()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var admin = await api.SignedInClientAsync(academy.AdminEmail);
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        await api.RecordClassAsync(teacher, academy.SessionId);

        var lastYear = await DashboardAsync(admin, "?from=2025-01-01&to=2025-12-31&bucket=month");
        (lastYear.From, lastYear.To, lastYear.Bucket).Should().Be(("2025-01-01", "2025-12-31", "month"));
        lastYear.Report.Totals.Recordings.Should().Be(0, "the class was recorded today");
        lastYear.Report.Periods.Should().BeEmpty();

        await (await admin.GetAsync("/api/analytics?from=2026-02-01&to=2026-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        await (await admin.GetAsync("/api/analytics?from=2020-01-01&to=2026-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        await (await admin.GetAsync("/api/analytics?bucket=fortnight")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task The_export_is_one_table_of_the_report_as_csv()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var admin = await api.SignedInClientAsync(academy.AdminEmail);
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        await api.RecordClassAsync(teacher, academy.SessionId);

        var response = await admin.GetAsync("/api/analytics/export?table=parents&from=2026-01-01&to=2026-12-31");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("analytics-parents-2026-01-01-2026-12-31.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("kind,parent_id,name,teacher_id,teacher,recordings,recorded_seconds,recorded_bytes,views,unique_viewers,"
            + "watched_seconds,average_coverage,needing_catch_up,caught_up,catch_up_rate");
        lines.Should().HaveCount(2);
        lines[1].Should().StartWith("interactive,").And.Contain(",Reviewed course,").And.Contain(",Its Teacher,1,");
        await (await admin.GetAsync("/api/analytics/export?table=students")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
    }

    private static async Task<DashboardJson> DashboardAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/analytics{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DashboardJson>())!;
    }

    private sealed record DashboardJson(string From, string To, string Bucket, ReportJson Report);

    private sealed record ReportJson(
        FiguresJson Totals, CatchUpJson CatchUp, List<PeriodJson> Periods, List<ParentJson> Parents, List<TeacherJson> Teachers, long StoredBytes);

    private sealed record FiguresJson(
        int Recordings, double RecordedSeconds, long RecordedBytes, int Views, int UniqueViewers, long WatchedSeconds, double? AverageCoverage);

    private sealed record CatchUpJson(int NeedingCatchUp, int CaughtUp, double? Rate);

    private sealed record AttendanceJson(List<StudentAttendanceJson> Students);

    private sealed record StudentAttendanceJson(bool Missed, bool LeftEarly, bool Watched);

    private sealed record PeriodJson(string Start, FiguresJson Figures);

    private sealed record ParentJson(Guid? ParentId, string SessionKind, string? Name, Guid TeacherId, string? TeacherName, FiguresJson Figures, CatchUpJson CatchUp);

    private sealed record TeacherJson(Guid TeacherId, string? Name, FiguresJson Figures, CatchUpJson CatchUp);
}
