using Itqan.Recording.Domain.Academies;
using Itqan.Recording.Domain.Courses;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Itqan.Recording.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Api.Tests.Support;

/// <summary>Each test arranges its own course and session in the demo academy, so tests never share a session.</summary>
public static class TestData
{
    public const string Password = DemoData.Password;
    public const string Admin = "admin@demo.itqan";
    public const string Teacher = "teacher@demo.itqan";
    public const string Student = "student@demo.itqan";
    public const string Outsider = "outsider@demo.itqan";

    public static async Task<Guid> NewInteractiveSessionAsync(
        this ApiFixture api,
        bool recordingEnabled = true,
        SessionStatus status = SessionStatus.Ready,
        bool withRoom = true,
        Guid? academyId = null)
    {
        var sessionId = Guid.NewGuid();
        await api.WithDbAsync(async db =>
        {
            var academy = await db.Academies.SingleAsync(a => a.Id == (academyId ?? DemoData.AcademyId));
            var course = new Course(Guid.NewGuid(), academy.Id, $"Course {sessionId:N}"[..15], DemoData.TeacherId, recordingEnabled);
            course.Enroll(DemoData.StudentId);
            db.Courses.Add(course);
            db.Sessions.Add(new InteractiveCourseSession(
                sessionId,
                academy,
                course,
                1,
                DateTimeOffset.UtcNow,
                status,
                withRoom ? DemoData.RoomNameFor(SessionKind.Interactive, sessionId) : null));
            await db.SaveChangesAsync();
        });
        return sessionId;
    }

    /// <summary>A second academy with its own admin, for tenant isolation tests.</summary>
    public static async Task<(Guid AcademyId, string AdminEmail)> NewAcademyWithAdminAsync(this ApiFixture api)
    {
        var academyId = Guid.NewGuid();
        var email = $"admin-{academyId:N}@other.itqan";
        await api.WithDbAsync(async db =>
        {
            var hasher = new Infrastructure.Identity.AspNetPasswordHasher();
            db.Academies.Add(new Academy(academyId, "Other Academy"));
            db.Users.Add(new User(Guid.NewGuid(), academyId, email, "Other Admin", UserRole.Admin, hasher.Hash(Password)));
            await db.SaveChangesAsync();
        });
        return (academyId, email);
    }
}
