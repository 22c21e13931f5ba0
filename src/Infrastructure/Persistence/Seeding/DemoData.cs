using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Academic;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Courses;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo `make run` shows, with every recording rule visible: two academies; in the first an admin, two
/// teachers, two students and an outsider (all with <see cref="Password"/>); a course with recording on and one
/// off; Quran circles that switch recording on, off, or inherit it; private lessons that do the same; sessions
/// ready to record; and completed recordings with real media files. Loaded once; a second run keeps the data.
/// </summary>
public sealed class DemoData(
    RecordingDbContext db,
    IPasswordHasher hasher,
    DemoMedia media,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string Password = "Demo#2026";

    public static readonly Guid AcademyId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-000000000001");
    public static readonly Guid OtherAcademyId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-000000000002");
    public static readonly Guid AdminId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000a1");
    public static readonly Guid OtherAdminId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000a2");
    public static readonly Guid TeacherId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000b1");
    public static readonly Guid OtherTeacherId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000b2");
    public static readonly Guid OtherAcademyTeacherId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000b3");
    public static readonly Guid StudentId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000c1");
    public static readonly Guid OutsiderId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000c2");
    public static readonly Guid GroupStudentId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000c3");
    public static readonly Guid RecordedCourseId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000d1");
    public static readonly Guid UnrecordedCourseId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000d2");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Academies.AnyAsync(a => a.Id == AcademyId, cancellationToken))
        {
            return;
        }

        var hash = hasher.Hash(Password);
        var academy = new Academy(AcademyId, "Itqan Demo Academy", quranRecordingEnabled: true, academicRecordingEnabled: false);
        academy.KeepRecordingsFor(365);
        // The demo shows the player switching to the 360p rendition on a weak connection; a new academy starts without.
        academy.OfferLowBandwidthRendition(true);
        academy.UseTimeZone("Asia/Riyadh");
        var other = new Academy(OtherAcademyId, "Noor Academy", quranRecordingEnabled: true, academicRecordingEnabled: true);
        db.Academies.AddRange(academy, other);
        db.Users.AddRange(
            new User(AdminId, AcademyId, "admin@demo.itqan", "Academy Admin", UserRole.Admin, hash),
            new User(TeacherId, AcademyId, "teacher@demo.itqan", "Ustadh Yusuf", UserRole.Teacher, hash),
            new User(OtherTeacherId, AcademyId, "teacher2@demo.itqan", "Ustadha Maryam", UserRole.Teacher, hash),
            new User(StudentId, AcademyId, "student@demo.itqan", "Amina Student", UserRole.Student, hash),
            new User(GroupStudentId, AcademyId, "student2@demo.itqan", "Bilal Student", UserRole.Student, hash),
            new User(OutsiderId, AcademyId, "outsider@demo.itqan", "Omar Outsider", UserRole.Student, hash),
            new User(OtherAdminId, OtherAcademyId, "admin2@demo.itqan", "Noor Admin", UserRole.Admin, hash),
            new User(OtherAcademyTeacherId, OtherAcademyId, "teacher@noor.itqan", "Ustadh Khalid", UserRole.Teacher, hash));

        var today = clock.GetUtcNow().Date;
        var sessions = new List<LiveSession>();

        var tajweed = new Course(RecordedCourseId, AcademyId, "Tajweed Foundations", TeacherId, recordingEnabled: true);
        tajweed.Enroll(StudentId);
        var calligraphy = new Course(UnrecordedCourseId, AcademyId, "Arabic Calligraphy", TeacherId, recordingEnabled: false);
        calligraphy.Enroll(StudentId);
        db.Courses.AddRange(tajweed, calligraphy);
        sessions.Add(Interactive(academy, tajweed, 1, today.AddDays(-7).AddHours(16), SessionStatus.Completed));
        sessions.Add(Interactive(academy, tajweed, 2, today.AddHours(16), SessionStatus.Ready));
        sessions.Add(Interactive(academy, tajweed, 3, today.AddDays(7).AddHours(16), SessionStatus.Scheduled));
        sessions.Add(Interactive(academy, calligraphy, 1, today.AddHours(18), SessionStatus.Ready));

        // Quran: an individual circle inheriting the academy's "on" and recording audio only; a group circle
        // explicitly off although the academy is on; a group circle explicitly on.
        var hifz = QuranCircle.Individual(StableId("circle/hifz"), AcademyId, "Hifz with Amina", TeacherId, StudentId, recordingEnabled: null, audioOnly: true);
        var juzAmma = QuranCircle.Group(StableId("circle/juz-amma"), AcademyId, "Juz Amma Group", OtherTeacherId, [StudentId, GroupStudentId], recordingEnabled: false);
        var tilawah = QuranCircle.Group(StableId("circle/tilawah"), AcademyId, "Evening Tilawah", OtherTeacherId, [GroupStudentId], recordingEnabled: true);
        db.QuranCircles.AddRange(hifz, juzAmma, tilawah);
        sessions.Add(Quran(academy, hifz, "Hifz with Amina - Surat Al-Mulk", today.AddDays(-2).AddHours(7), SessionStatus.Completed));
        sessions.Add(Quran(academy, hifz, "Hifz with Amina - Surat Al-Qalam", today.AddHours(7), SessionStatus.Ready));
        sessions.Add(Quran(academy, juzAmma, "Juz Amma Group - An-Naba", today.AddHours(8), SessionStatus.Ready));
        sessions.Add(Quran(academy, tilawah, "Evening Tilawah - Week 12", today.AddHours(19), SessionStatus.Ongoing));

        // Academic: the academy says off; one lesson turns it on, one inherits the "off".
        var maths = new PrivateLesson(StableId("lesson/maths"), AcademyId, "Mathematics", TeacherId, StudentId, recordingEnabled: true);
        var physics = new PrivateLesson(StableId("lesson/physics"), AcademyId, "Physics", OtherTeacherId, StudentId, recordingEnabled: null);
        db.PrivateLessons.AddRange(maths, physics);
        sessions.Add(Academic(academy, maths, "Mathematics - Quadratic equations", today.AddDays(-1).AddHours(15), SessionStatus.Completed));
        sessions.Add(Academic(academy, maths, "Mathematics - Functions", today.AddHours(15), SessionStatus.Ready));
        sessions.Add(Academic(academy, physics, "Physics - Motion", today.AddHours(17), SessionStatus.Ready));

        // The second academy: its admin must never see anything of the first, and the reverse.
        var noorCourse = new Course(StableId("course/noor-seerah"), OtherAcademyId, "Seerah Stories", OtherAcademyTeacherId, recordingEnabled: true);
        db.Courses.Add(noorCourse);
        sessions.Add(Interactive(other, noorCourse, 1, today.AddDays(-3).AddHours(10), SessionStatus.Completed));
        sessions.Add(Interactive(other, noorCourse, 2, today.AddHours(10), SessionStatus.Ready));

        db.Sessions.AddRange(sessions);
        foreach (var session in sessions.Where(s => s.Status == SessionStatus.Completed))
        {
            await AddCompletedRecordingAsync(session, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data loaded: {SessionCount} sessions in two academies", sessions.Count);
    }

    public static string RoomNameFor(SessionKind kind, Guid sessionId) =>
        $"itqan-{kind.Name}-{sessionId.ToString("N")[..8]}";

    /// <summary>The same id for the same name on every machine, so demo links stay valid across resets.</summary>
    public static Guid StableId(string name) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    private async Task AddCompletedRecordingAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var startedAt = session.ScheduledAt.AddMinutes(2);
        var format = session.GetRecordingConfiguration(new RecordingConfiguration("grid", "H264_720P_30", false, RecordingFormat.Mp4)).Format;
        var path = $"{session.GetStoragePath(startedAt)}/demo-{session.Id:N}.{format.FileExtension()}";
        var file = await media.EnsureAsync(path, format, cancellationToken);
        if (file is null)
        {
            return;
        }

        var (recording, started) = Recording.Start(session, $"EG_demo{session.Id.ToString("N")[..8]}", session.TeacherId, startedAt);
        var stopped = recording.Stop(session.TeacherId, startedAt + file.Value.Duration);
        var completed = recording.Complete(
            new RecordingFile(path, file.Value.SizeBytes, format),
            file.Value.Duration,
            startedAt + file.Value.Duration,
            startedAt + file.Value.Duration + TimeSpan.FromSeconds(20));
        db.Recordings.Add(recording);
        db.RecordingAuditEntries.AddRange(started, stopped, completed);
    }

    private static InteractiveCourseSession Interactive(Academy academy, Course course, int number, DateTime at, SessionStatus status)
    {
        var id = StableId($"{course.Id}/session/{number}");
        return new InteractiveCourseSession(id, academy, course, number, Utc(at), status, RoomNameFor(SessionKind.Interactive, id));
    }

    private static QuranSession Quran(Academy academy, QuranCircle circle, string title, DateTime at, SessionStatus status)
    {
        var id = StableId($"{circle.Id}/{title}");
        return new QuranSession(id, academy, circle, title, Utc(at), status, RoomNameFor(SessionKind.Quran, id));
    }

    private static AcademicSession Academic(Academy academy, PrivateLesson lesson, string title, DateTime at, SessionStatus status)
    {
        var id = StableId($"{lesson.Id}/{title}");
        return new AcademicSession(id, academy, lesson, title, Utc(at), status, RoomNameFor(SessionKind.Academic, id));
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
