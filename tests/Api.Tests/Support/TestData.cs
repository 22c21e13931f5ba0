using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Application.Sessions.ListMySessions;
using ItqanRecording.Domain.Academic;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Courses;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using ItqanRecording.Api.Tests.Reliability;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using ItqanRecording.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>Each test arranges its own course and session in the demo academy, so tests never share a session.</summary>
public static class TestData
{
    public const string Password = DemoData.Password;
    public const string Admin = "admin@demo.itqan";
    public const string Teacher = "teacher@demo.itqan";
    public const string Student = "student@demo.itqan";
    public const string Outsider = "outsider@demo.itqan";

    /// <summary>A session as the API loads it (with what its rules read), for a test to make recordings of it.</summary>
    public static async Task<IRecordingCapable> LoadSessionAsync(RecordingDbContext db, Guid sessionId)
    {
        using var kinds = new SessionKindMemory();
        return await new SessionFinder(db, SessionKindServiceCollectionExtensions.BuiltIn(), kinds).FindAsync(sessionId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Session {sessionId} is not in the database.");
    }

    public static async Task<Guid> NewInteractiveSessionAsync(
        this ApiFixture api,
        bool recordingEnabled = true,
        SessionStatus status = SessionStatus.Ready,
        bool withRoom = true,
        Guid? academyId = null,
        string? courseTitle = null,
        DateTimeOffset? scheduledAt = null,
        Guid? alsoEnrolled = null)
    {
        var sessionId = Guid.NewGuid();
        await api.WithDbAsync(async db =>
        {
            var academy = await db.Academies.SingleAsync(a => a.Id == (academyId ?? DemoData.AcademyId));
            var course = new Course(Guid.NewGuid(), academy.Id, courseTitle ?? $"Course {sessionId:N}"[..15], DemoData.TeacherId, recordingEnabled);
            course.Enroll(DemoData.StudentId);
            if (alsoEnrolled is { } another)
            {
                course.Enroll(another);
            }

            db.Courses.Add(course);
            db.Sessions.Add(new InteractiveCourseSession(
                sessionId,
                academy,
                course,
                1,
                scheduledAt ?? DateTimeOffset.UtcNow,
                status,
                withRoom ? DemoData.RoomNameFor(SessionKind.Interactive, sessionId) : null));
            await db.SaveChangesAsync();
        });
        return sessionId;
    }

    /// <summary>A file under the storage root, written by <paramref name="write"/>, as the egress would leave it.</summary>
    public static RecordingFile NewStoredFile(this ApiFixture api, Action<FileStream> write, RecordingFormat format = RecordingFormat.Mp4)
    {
        var relativePath = $"files/{Guid.NewGuid():N}.{format.FileExtension()}";
        var fullPath = Path.Combine(api.StorageRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        using (var file = File.Create(fullPath))
        {
            write(file);
        }

        return new RecordingFile(relativePath, new FileInfo(fullPath).Length, format);
    }

    /// <summary>
    /// A recording, completed with <paramref name="file"/>, of a new session of a course the demo student takes. The
    /// session lies before the window of <c>GET /api/sessions</c> (<see cref="ListMySessions.History"/>), so a suite's
    /// many recordings do not push the demo sessions off that list's page.
    /// </summary>
    public static async Task<Guid> NewCompletedRecordingAsync(
        this ApiFixture api, RecordingFile file, string? courseTitle = null, TimeSpan? duration = null, Guid? alsoEnrolled = null)
    {
        var sessionId = await api.NewInteractiveSessionAsync(
            courseTitle: courseTitle, scheduledAt: DateTimeOffset.UtcNow - ListMySessionsQuery.History - TimeSpan.FromDays(1), alsoEnrolled: alsoEnrolled);
        var startedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        var endedAt = startedAt + (duration ?? TimeSpan.FromMinutes(5));
        return await api.WithDbAsync(async db =>
        {
            var session = await LoadSessionAsync(db, sessionId);
            var recording = Domain.Recordings.Recording.Start(session, $"EG_{Guid.NewGuid():N}", session.TeacherId, startedAt).Recording;
            recording.MarkProcessing(session.TeacherId, endedAt);
            recording.Complete(file, endedAt - startedAt, endedAt, endedAt.AddSeconds(20));
            db.Recordings.Add(recording);
            await db.SaveChangesAsync();
            return recording.Id;
        });
    }

    /// <summary>
    /// A recording made as a teacher makes one: Start on a new session of the demo course, the emulator's egress
    /// active, Stop, then the emulator's real file and its <c>egress_ended</c> webhook complete it.
    /// </summary>
    public static async Task<(HttpClient Teacher, RecordingJson Recording)> RecordThroughLiveKitAsync(this ApiFixture api)
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacher = await api.SignedInClientAsync(Teacher);
        var started = (await (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null)).Content.ReadFromJsonAsync<RecordingJson>())!;
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);
        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        RecordingJson? ended;
        try
        {
            ended = await Poll.UntilAsync(
                () => teacher.GetFromJsonAsync<RecordingJson>($"/api/recordings/{started.Id}")!, r => r!.Status is "completed" or "failed");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"The recording did not end; the emulator said:\n{api.Emulator.Output}", timeout);
        }

        ended!.Status.Should().Be("completed", ended.Error);
        return (teacher, ended);
    }

    /// <summary>The teacher records the class through LiveKit (Start, the egress active, Stop) until it is completed.</summary>
    public static async Task<RecordingJson> RecordClassAsync(this ApiFixture api, HttpClient teacher, Guid sessionId)
    {
        var start = await teacher.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        start.StatusCode.Should().Be(HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        var started = (await start.Content.ReadFromJsonAsync<RecordingJson>())!;
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);
        (await teacher.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return await teacher.WaitForStatusAsync(started.Id, "completed");
    }

    /// <summary>A student of the demo academy of their own, for tests that enrol someone without changing what the demo students see.</summary>
    public static async Task<Guid> NewStudentAsync(this ApiFixture api, string displayName)
    {
        var id = Guid.NewGuid();
        await api.WithDbAsync(async db =>
        {
            var hasher = new Infrastructure.Identity.AspNetPasswordHasher();
            db.Users.Add(new User(id, DemoData.AcademyId, $"student-{id:N}@demo.itqan", displayName, UserRole.Student, hasher.Hash(Password)));
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>An academy of its own with an admin, a teacher and a student of one course, and a class ready to record.</summary>
    public sealed record AcademyWithClass(Guid AcademyId, string AdminEmail, string TeacherEmail, string StudentEmail, Guid SessionId);

    public static async Task<AcademyWithClass> NewAcademyWithClassAsync(this ApiFixture api)
    {
        var academyId = Guid.NewGuid();
        var (teacherId, studentId, sessionId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var emails = new AcademyWithClass(
            academyId, $"admin-{academyId:N}@class.itqan", $"teacher-{academyId:N}@class.itqan", $"student-{academyId:N}@class.itqan", sessionId);
        await api.WithDbAsync(async db =>
        {
            var hash = new Infrastructure.Identity.AspNetPasswordHasher().Hash(Password);
            var academy = new Academy(academyId, "Academy with a class");
            db.Academies.Add(academy);
            db.Users.AddRange(
                new User(Guid.NewGuid(), academyId, emails.AdminEmail, "Its Admin", UserRole.Admin, hash),
                new User(teacherId, academyId, emails.TeacherEmail, "Its Teacher", UserRole.Teacher, hash),
                new User(studentId, academyId, emails.StudentEmail, "Its Student", UserRole.Student, hash));
            var course = new Course(Guid.NewGuid(), academyId, "Reviewed course", teacherId, recordingEnabled: true);
            course.Enroll(studentId);
            db.Courses.Add(course);
            db.Sessions.Add(new InteractiveCourseSession(
                sessionId, academy, course, 1, DateTimeOffset.UtcNow, SessionStatus.Ready, DemoData.RoomNameFor(SessionKind.Interactive, sessionId)));
            await db.SaveChangesAsync();
        });
        return emails;
    }

    /// <summary>A second academy with its own admin, for tenant isolation tests; null <paramref name="retentionDays"/> keeps recordings forever.</summary>
    public static async Task<(Guid AcademyId, string AdminEmail)> NewAcademyWithAdminAsync(this ApiFixture api, int? retentionDays = null)
    {
        var academyId = Guid.NewGuid();
        var email = $"admin-{academyId:N}@other.itqan";
        await api.WithDbAsync(async db =>
        {
            var hasher = new Infrastructure.Identity.AspNetPasswordHasher();
            var academy = new Academy(academyId, "Other Academy");
            academy.KeepRecordingsFor(retentionDays);
            db.Academies.Add(academy);
            db.Users.Add(new User(Guid.NewGuid(), academyId, email, "Other Admin", UserRole.Admin, hasher.Hash(Password)));
            await db.SaveChangesAsync();
        });
        return (academyId, email);
    }

    /// <summary>
    /// A start a few seconds ago, in whole seconds (exact in PostgreSQL and in query strings). Recordings left
    /// recording or processing must start like this: the reconciliation and overdue-recording jobs act on old ones.
    /// </summary>
    public static DateTimeOffset JustNow()
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-10);
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>
    /// A recording made through the domain in a new <paramref name="kind"/> session of the academy, moved to
    /// <paramref name="status"/> as LiveKit would have. The session and its course, circle or lesson
    /// (<paramref name="parentId"/>, titled <paramref name="title"/>) exist only in memory: a recording keeps their
    /// ids and names. Completed and deleted ones get a real file of <paramref name="sizeBytes"/> under the storage root.
    /// </summary>
    public static async Task<Domain.Recordings.Recording> NewRecordingAsync(
        this ApiFixture api,
        Guid academyId,
        DateTimeOffset startedAt,
        RecordingStatus status = RecordingStatus.Completed,
        SessionKind? kind = null,
        Guid? parentId = null,
        Guid? teacherId = null,
        string title = "Catalogue",
        long sizeBytes = 1_000,
        double durationSeconds = 60)
    {
        var academy = new Academy(academyId, "In memory");
        var parent = parentId ?? Guid.NewGuid();
        var teacher = teacherId ?? Guid.NewGuid();
        var sessionId = Guid.NewGuid();
        var ofKind = kind ?? SessionKind.Interactive;
        var room = DemoData.RoomNameFor(ofKind, sessionId);
        LiveSession session = ofKind switch
        {
            _ when ofKind == SessionKind.Interactive => new InteractiveCourseSession(
                sessionId, academy, new Course(parent, academyId, title, teacher, true), 1, startedAt, SessionStatus.Ongoing, room),
            _ when ofKind == SessionKind.Quran => new QuranSession(
                sessionId, academy, QuranCircle.Group(parent, academyId, title, teacher, []), title, startedAt, SessionStatus.Ongoing, room),
            _ => new AcademicSession(
                sessionId, academy, new PrivateLesson(parent, academyId, title, teacher, Guid.NewGuid()), title, startedAt, SessionStatus.Ongoing, room),
        };

        var recording = Domain.Recordings.Recording.Start(session, $"EG_{Guid.NewGuid():N}", teacher, startedAt).Recording;
        var duration = TimeSpan.FromSeconds(durationSeconds);
        var endedAt = startedAt + duration;
        if (status is RecordingStatus.Completed or RecordingStatus.Deleted)
        {
            var file = api.NewStoredFile(stream => stream.Write(new byte[sizeBytes]));
            recording.MarkProcessing(teacher, endedAt);
            recording.Complete(file, duration, endedAt, endedAt.AddSeconds(5));
        }

        switch (status)
        {
            case RecordingStatus.Processing:
                recording.MarkProcessing(teacher, endedAt);
                break;
            case RecordingStatus.Failed:
                recording.Fail("egress failed", endedAt);
                break;
            case RecordingStatus.Deleted:
                recording.Delete(deletedByUserId: null, endedAt.AddMinutes(1), filesRemoved: false);
                break;
        }

        await api.WithDbAsync(async db =>
        {
            db.Recordings.Add(recording);
            await db.SaveChangesAsync();
        });
        return recording;
    }
}
