using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Domain.Academies;
using Itqan.Recording.Domain.Courses;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Itqan.Recording.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo academy `make run` shows: an admin, a teacher, an enrolled student and an outsider (all with
/// <see cref="Password"/>), a course with recording on and one with it off, and sessions ready to record.
/// Loaded once; a second run keeps what is there.
/// </summary>
public sealed class DemoData(RecordingDbContext db, IPasswordHasher hasher, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "Demo#2026";

    public static readonly Guid AcademyId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-000000000001");
    public static readonly Guid AdminId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000a1");
    public static readonly Guid TeacherId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000b1");
    public static readonly Guid StudentId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000c1");
    public static readonly Guid OutsiderId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000c2");
    public static readonly Guid RecordedCourseId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000d1");
    public static readonly Guid UnrecordedCourseId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000d2");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Academies.AnyAsync(a => a.Id == AcademyId, cancellationToken))
        {
            return;
        }

        var passwordHash = hasher.Hash(Password);
        db.Academies.Add(new Academy(AcademyId, "Itqan Demo Academy", quranRecordingEnabled: true, academicRecordingEnabled: false));
        var teacher = new User(TeacherId, AcademyId, "teacher@demo.itqan", "Ustadh Yusuf", UserRole.Teacher, passwordHash);
        db.Users.AddRange(
            new User(AdminId, AcademyId, "admin@demo.itqan", "Academy Admin", UserRole.Admin, passwordHash),
            teacher,
            new User(StudentId, AcademyId, "student@demo.itqan", "Amina Student", UserRole.Student, passwordHash),
            new User(OutsiderId, AcademyId, "outsider@demo.itqan", "Omar Outsider", UserRole.Student, passwordHash));

        var recorded = new Course(RecordedCourseId, AcademyId, "Tajweed Foundations", TeacherId, recordingEnabled: true);
        recorded.Enroll(StudentId);
        var unrecorded = new Course(UnrecordedCourseId, AcademyId, "Arabic Calligraphy", TeacherId, recordingEnabled: false);
        unrecorded.Enroll(StudentId);
        db.Courses.AddRange(recorded, unrecorded);

        var today = clock.GetUtcNow().Date;
        db.Sessions.AddRange(
            InteractiveSession(recorded, 1, today.AddDays(-7).AddHours(16), SessionStatus.Completed),
            InteractiveSession(recorded, 2, today.AddHours(16), SessionStatus.Ready),
            InteractiveSession(recorded, 3, today.AddDays(7).AddHours(16), SessionStatus.Scheduled),
            InteractiveSession(unrecorded, 1, today.AddHours(18), SessionStatus.Ready));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data loaded for academy {AcademyId}", AcademyId);
    }

    private static InteractiveCourseSession InteractiveSession(Course course, int number, DateTime at, SessionStatus status)
    {
        var id = StableId($"{course.Id}/session/{number}");
        return new InteractiveCourseSession(
            id, course, number, new DateTimeOffset(at, TimeSpan.Zero), status, RoomNameFor(SessionKind.Interactive, id));
    }

    public static string RoomNameFor(SessionKind kind, Guid sessionId) =>
        $"itqan-{kind.ToString().ToLowerInvariant()}-{sessionId.ToString("N")[..8]}";

    /// <summary>The same id for the same name on every machine, so demo links stay valid across resets.</summary>
    public static Guid StableId(string name) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
