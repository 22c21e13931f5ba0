using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Academic;
using ItqanRecording.Domain.Courses;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Access;

/// <summary>
/// Every endpoint × every role × every session kind, with the status each cell must answer. The sessions belong
/// to the demo academy, are taught by teacher@demo.itqan and attended by student@demo.itqan; admin2@demo.itqan
/// runs another academy. No cell may leak: a 200 where 403/404 is expected fails here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessMatrixTests(ApiFixture api)
{
    public enum Role
    {
        Anonymous,
        OutsiderStudent,
        EnrolledStudent,
        OtherTeacher,
        Teacher,
        Admin,
        OtherAcademyAdmin,
    }

    private const int Ok = 200, Created = 201, NoContent = 204, Unauthorized = 401, Forbidden = 403, NotFound = 404, Conflict = 409;

    /// <summary>Expected status per role, in the order of <see cref="Role"/>.</summary>
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["GET session"] = [Unauthorized, Forbidden, Ok, Forbidden, Ok, Ok, NotFound],
        ["GET session recordings"] = [Unauthorized, Forbidden, Ok, Forbidden, Ok, Ok, NotFound],
        ["GET session recording stats"] = [Unauthorized, Forbidden, Ok, Forbidden, Ok, Ok, NotFound],
        ["POST start recording"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Created, Created, NotFound],
        ["POST stop recording (none active)"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Conflict, Conflict, NotFound],
        ["GET recording"] = [Unauthorized, Forbidden, Ok, Forbidden, Ok, Ok, NotFound],
        ["GET recording stream"] = [Unauthorized, Forbidden, Ok, Forbidden, Ok, Ok, NotFound],
        ["GET recording download"] = [Unauthorized, Forbidden, Ok, Forbidden, Ok, Ok, NotFound],
        ["GET recording audit"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, NotFound],
        ["DELETE recording"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, NoContent, NotFound],
    };

    private static readonly ConditionalWeakTable<ApiFixture, ConcurrentDictionary<string, Lazy<Task<HttpClient>>>> Clients = [];
    private static readonly ConditionalWeakTable<ApiFixture, ConcurrentDictionary<SessionKind, Lazy<Task<Arranged>>>> SharedSessions = [];

    /// <summary>Every built-in kind, by name: theory data of plain strings lists each cell as its own test.</summary>
    public static TheoryData<string, Role, string> Cells()
    {
        var cells = new TheoryData<string, Role, string>();
        foreach (var endpoint in Expected.Keys)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var kind in SessionKindServiceCollectionExtensions.BuiltIn())
                {
                    cells.Add(endpoint, role, kind.Kind.Name);
                }
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_gets_exactly_its_access(string endpoint, Role role, string kind)
    {
        var expected = Expected[endpoint][(int)role];
        var client = await ClientForAsync(role);
        var changesData = endpoint.StartsWith("POST start", StringComparison.Ordinal) || endpoint.StartsWith("DELETE", StringComparison.Ordinal);
        var sessionKind = new SessionKind(kind);
        var arranged = changesData ? await ArrangeAsync(sessionKind) : await SharedAsync(sessionKind);

        using var response = await SendAsync(client, endpoint, arranged);

        ((int)response.StatusCode).Should().Be(expected, "{0} as {1} on a {2} session", endpoint, role, kind);
        if (expected >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            var statuses = await api.WithDbAsync(db => db.Recordings.Where(r => r.SessionId == arranged.SessionId).Select(r => r.Status).ToListAsync());
            statuses.Should().Equal([RecordingStatus.Completed], "a refused request changes nothing");
        }
    }

    [Theory]
    [InlineData(Role.Anonymous, Unauthorized)]
    [InlineData(Role.OutsiderStudent, Forbidden)]
    [InlineData(Role.EnrolledStudent, Forbidden)]
    [InlineData(Role.Teacher, Forbidden)]
    [InlineData(Role.Admin, Ok)]
    public async Task Only_admins_reach_the_catalogue(Role role, int expected)
    {
        var client = await ClientForAsync(role);

        foreach (var path in new[] { "/api/recordings", "/api/recordings/stats", "/api/admin/retention/report" })
        {
            using var response = await client.GetAsync(path);
            ((int)response.StatusCode).Should().Be(expected, "{0} as {1}", path, role);
        }
    }

    [Fact]
    public async Task Another_academys_admin_finds_nothing_of_ours_in_their_catalogue()
    {
        var ours = await SharedAsync(SessionKind.Interactive);
        var otherAdmin = await ClientForAsync(Role.OtherAcademyAdmin);

        var catalogue = await otherAdmin.GetStringAsync("/api/recordings?limit=100");

        catalogue.Should().NotContain(ours.RecordingId.ToString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, Arranged arranged) => endpoint switch
    {
        "GET session" => client.GetAsync($"/api/sessions/{arranged.SessionId}"),
        "GET session recordings" => client.GetAsync($"/api/sessions/{arranged.SessionId}/recordings"),
        "GET session recording stats" => client.GetAsync($"/api/sessions/{arranged.SessionId}/recordings/stats"),
        "POST start recording" => client.PostAsync($"/api/sessions/{arranged.SessionId}/recordings", null),
        "POST stop recording (none active)" => client.PostAsync($"/api/sessions/{arranged.SessionId}/recordings/stop", null),
        "GET recording" => client.GetAsync($"/api/recordings/{arranged.RecordingId}"),
        "GET recording stream" => client.GetAsync($"/api/recordings/{arranged.RecordingId}/stream"),
        "GET recording download" => client.GetAsync($"/api/recordings/{arranged.RecordingId}/download"),
        "GET recording audit" => client.GetAsync($"/api/recordings/{arranged.RecordingId}/audit"),
        "DELETE recording" => client.DeleteAsync($"/api/recordings/{arranged.RecordingId}?removeFile=false"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };

    private Task<HttpClient> ClientForAsync(Role role)
    {
        var email = role switch
        {
            Role.Anonymous => null,
            Role.OutsiderStudent => TestData.Outsider,
            Role.EnrolledStudent => TestData.Student,
            Role.OtherTeacher => "teacher2@demo.itqan",
            Role.Teacher => TestData.Teacher,
            Role.Admin => TestData.Admin,
            _ => "admin2@demo.itqan",
        };
        return Clients.GetOrCreateValue(api).GetOrAdd(
            role.ToString(),
            _ => new Lazy<Task<HttpClient>>(() => email is null ? Task.FromResult(api.AnonymousClient()) : api.SignedInClientAsync(email))).Value;
    }

    private Task<Arranged> SharedAsync(SessionKind kind) =>
        SharedSessions.GetOrCreateValue(api).GetOrAdd(kind, k => new Lazy<Task<Arranged>>(() => ArrangeAsync(k))).Value;

    /// <summary>A ready session of the kind, with recording on and one completed recording whose file exists.</summary>
    private Task<Arranged> ArrangeAsync(SessionKind kind) => api.WithDbAsync(async db =>
    {
        var academy = await db.Academies.SingleAsync(a => a.Id == DemoData.AcademyId);
        var sessionId = Guid.NewGuid();
        var room = DemoData.RoomNameFor(kind, sessionId);
        var scheduledAt = DateTimeOffset.UtcNow.AddDays(-40);
        LiveSession session;
        switch (kind.Name)
        {
            case "interactive":
                var course = new Course(Guid.NewGuid(), academy.Id, "Matrix course", DemoData.TeacherId, recordingEnabled: true);
                course.Enroll(DemoData.StudentId);
                db.Courses.Add(course);
                session = new InteractiveCourseSession(sessionId, academy, course, 1, scheduledAt, SessionStatus.Ready, room);
                break;
            case "quran":
                var circle = QuranCircle.Individual(Guid.NewGuid(), academy.Id, "Matrix circle", DemoData.TeacherId, DemoData.StudentId, recordingEnabled: true);
                db.QuranCircles.Add(circle);
                session = new QuranSession(sessionId, academy, circle, "Matrix circle - Week 1", scheduledAt, SessionStatus.Ready, room);
                break;
            default:
                var lesson = new PrivateLesson(Guid.NewGuid(), academy.Id, "Matrix lesson", DemoData.TeacherId, DemoData.StudentId, recordingEnabled: true);
                db.PrivateLessons.Add(lesson);
                session = new AcademicSession(sessionId, academy, lesson, "Matrix lesson - Week 1", scheduledAt, SessionStatus.Ready, room);
                break;
        }

        db.Sessions.Add(session);
        var file = api.NewStoredFile(stream => stream.Write(new byte[4096]));
        var startedAt = DateTimeOffset.UtcNow.AddDays(-40);
        var recording = Domain.Recordings.Recording.Start(session, $"EG_{Guid.NewGuid():N}", DemoData.TeacherId, startedAt).Recording;
        recording.MarkProcessing(DemoData.TeacherId, startedAt.AddMinutes(30));
        recording.Complete(file, TimeSpan.FromMinutes(30), startedAt.AddMinutes(30), startedAt.AddMinutes(31));
        db.Recordings.Add(recording);
        await db.SaveChangesAsync();
        return new Arranged(sessionId, recording.Id);
    });

    private sealed record Arranged(Guid SessionId, Guid RecordingId);
}
