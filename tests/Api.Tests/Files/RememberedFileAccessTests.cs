using System.Net;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Recordings.GetRecordingFile;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Files;

/// <summary>
/// A player's range requests reuse a granted access for a short, fixed while and skip the day's audit entry once it is
/// written; a refusal is never reused. Runs on an instance of its own whose clock the tests move.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RememberedFileAccessTests(ApiFixture api) : IAsyncLifetime
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 1_500).Select(i => (byte)(i % 101))];

    private readonly MovableClock _clock = new();
    private ApiInstance _instance = null!;

    public Task InitializeAsync()
    {
        _instance = api.StartAnotherInstance(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _instance.DisposeAsync();

    [Fact]
    public async Task A_student_removed_from_the_course_streams_on_for_the_granted_lifetime_and_is_refused_after_it()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var student = await _instance.SignedInClientAsync(TestData.Student);
        (await student.GetAsync(StreamUrl(recordingId))).StatusCode.Should().Be(HttpStatusCode.OK);

        await SetEnrolmentAsync(recordingId, DemoData.StudentId, enrolled: false);
        var withinLifetime = await student.GetAsync(StreamUrl(recordingId));
        var elsewhere = await (await api.SignedInClientAsync(TestData.Student)).GetAsync(StreamUrl(recordingId));
        _clock.Advance(RecordingFileAccessMemory.GrantLifetime + TimeSpan.FromSeconds(1));
        var afterLifetime = await student.GetAsync(StreamUrl(recordingId));

        withinLifetime.StatusCode.Should().Be(HttpStatusCode.OK);
        (await withinLifetime.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
        await afterLifetime.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");
    }

    [Fact]
    public async Task A_refusal_is_not_remembered_so_a_student_enrolled_since_streams_at_once()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var outsider = await _instance.SignedInClientAsync(TestData.Outsider);
        await (await outsider.GetAsync(StreamUrl(recordingId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "recording.access_forbidden");

        await SetEnrolmentAsync(recordingId, DemoData.OutsiderId, enrolled: true);
        var response = await outsider.GetAsync(StreamUrl(recordingId));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_player_still_streaming_past_midnight_UTC_gets_an_audit_entry_for_the_new_day()
    {
        var recordingId = await NewRecordingWithFileAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _clock.Set(new DateTimeOffset(today.ToDateTime(new TimeOnly(23, 59, 50)), TimeSpan.Zero));
        var student = await _instance.SignedInClientAsync(TestData.Student);

        (await student.GetAsync(StreamUrl(recordingId))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await student.GetAsync(StreamUrl(recordingId))).StatusCode.Should().Be(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromSeconds(20));
        (await student.GetAsync(StreamUrl(recordingId))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await student.GetAsync(StreamUrl(recordingId))).StatusCode.Should().Be(HttpStatusCode.OK);

        var days = await api.WithDbAsync(db => db.RecordingAuditEntries
            .Where(e => e.RecordingId == recordingId && e.Action == RecordingAuditAction.Streamed && e.UserId == DemoData.StudentId)
            .Select(e => e.AccessDay)
            .ToListAsync());
        days.Should().BeEquivalentTo([today, today.AddDays(1)]);
    }

    private Task<Guid> NewRecordingWithFileAsync() => api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content)));

    private static string StreamUrl(Guid recordingId) => $"/api/recordings/{recordingId}/stream";

    /// <summary>Enrols the student in the recording's course, or takes them off it, straight in the database.</summary>
    private Task SetEnrolmentAsync(Guid recordingId, Guid studentId, bool enrolled) =>
        api.WithDbAsync(async db =>
        {
            var courseId = await db.Recordings.Where(r => r.Id == recordingId).Select(r => r.ParentId).SingleAsync();
            var course = await db.Courses.Include(c => c.Enrollments).SingleAsync(c => c.Id == courseId);
            if (enrolled)
            {
                course.Enroll(studentId);
                await db.SaveChangesAsync();
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM course_enrollments WHERE course_id = {courseId} AND student_id = {studentId}");
            }
        });
}
