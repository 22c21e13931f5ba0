using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace ItqanRecording.Bench.Catalogue;

public sealed record SeedUser(Guid Id, Guid AcademyId, string Email, string DisplayName, string Role);

public sealed record SeedCourse(Guid Id, Guid AcademyId, string Title, Guid TeacherId, string TeacherName, IReadOnlyList<Guid> Students);

public sealed record SeedEnrolment(Guid CourseId, Guid StudentId);

public sealed record SeedSession(Guid Id, SeedCourse Course, int Number, DateTime ScheduledAt, string Status, string RoomName)
{
    public string Title => $"{Course.Title} - Session {Number}";

    /// <summary>What <c>LiveSession.GetRecordingMetadata</c> writes for an interactive session, serialised as EF does.</summary>
    public string Metadata { get; } = JsonSerializer.Serialize(
        new Dictionary<string, object?>
        {
            ["sessionId"] = Id,
            ["sessionKind"] = "interactive",
            ["sessionTitle"] = $"{Course.Title} - Session {Number}",
            ["scheduledAt"] = new DateTimeOffset(ScheduledAt),
            ["academyId"] = Course.AcademyId,
            ["teacherId"] = Course.TeacherId,
            ["parentId"] = Course.Id,
            ["courseId"] = Course.Id,
            ["courseTitle"] = Course.Title,
            ["sessionNumber"] = Number,
            ["teacherName"] = Course.TeacherName,
            ["enrolledStudentCount"] = Course.Students.Count,
        },
        JsonSerializerOptions.Web);
}

/// <summary>One row of <c>recordings</c>, column for column as the migrations define it.</summary>
public sealed record RecordingRow(
    Guid Id,
    SeedSession Session,
    string EgressId,
    string Status,
    DateTime StartedAt,
    DateTime? EndedAt,
    DateTime? CompletedAt,
    DateTime? DeletedAt,
    TimeSpan? Duration,
    string? FilePath,
    long? FileSizeBytes,
    string? ProcessingError)
{
    public const string Columns =
        "recordings (id, session_kind, session_id, academy_id, teacher_id, parent_id, egress_id, room_name, status, started_at, " +
        "ended_at, completed_at, deleted_at, duration, file_path, file_size_bytes, file_format, file_store, display_name, metadata, " +
        "processing_error, started_by_user_id, stopped_by_user_id)";

    public void Write(NpgsqlBinaryImporter w)
    {
        w.Write(Id, NpgsqlDbType.Uuid);
        w.Write("interactive", NpgsqlDbType.Varchar);
        w.Write(Session.Id, NpgsqlDbType.Uuid);
        w.Write(Session.Course.AcademyId, NpgsqlDbType.Uuid);
        w.Write(Session.Course.TeacherId, NpgsqlDbType.Uuid);
        w.Write(Session.Course.Id, NpgsqlDbType.Uuid);
        w.Write(EgressId, NpgsqlDbType.Varchar);
        w.Write(Session.RoomName, NpgsqlDbType.Varchar);
        w.Write(Status, NpgsqlDbType.Varchar);
        w.Write(StartedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(w, EndedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(w, CompletedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(w, DeletedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(w, Duration, NpgsqlDbType.Interval);
        WriteNullable(w, FilePath, NpgsqlDbType.Varchar);
        WriteNullable(w, FileSizeBytes, NpgsqlDbType.Bigint);
        WriteNullable(w, FilePath is null ? null : "mp4", NpgsqlDbType.Varchar);
        WriteNullable(w, FilePath is null ? null : "local", NpgsqlDbType.Varchar);
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{Session.Title} - {StartedAt:yyyy-MM-dd}"), NpgsqlDbType.Varchar);
        w.Write(Session.Metadata, NpgsqlDbType.Jsonb);
        WriteNullable(w, ProcessingError, NpgsqlDbType.Varchar);
        w.Write(Session.Course.TeacherId, NpgsqlDbType.Uuid);
        WriteNullable(w, Status == "recording" ? null : (Guid?)Session.Course.TeacherId, NpgsqlDbType.Uuid);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            w.Write(present, type);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, type);
        }
    }
}

/// <summary>
/// Who and what the generated catalogue holds. Recordings are spread evenly over the past sessions (about ten
/// each, a few minutes apart, as when a teacher stops and starts again), so both academies hold half a million.
/// </summary>
public sealed class SeedPlan
{
    private static readonly string[] Subjects =
        ["Tajweed", "Tafsir", "Seerah", "Fiqh", "Arabic Grammar", "Hadith", "Aqeedah", "Mathematics", "Physics", "Calligraphy"];

    private const int TeachersPerAcademyCount = 100;
    private const int StudentsPerAcademyCount = 1000;
    private const int CoursesPerAcademyCount = 1000;
    private const int EnrolmentsPerCourseCount = 20;

    private readonly Random _random;

    public SeedPlan(Random random, DateTime now, int pastSessions, int readySessions)
    {
        _random = random;
        foreach (var academy in new[] { CatalogueSeeder.AcademyA, CatalogueSeeder.AcademyB })
        {
            var tag = academy == CatalogueSeeder.AcademyA ? "a" : "b";
            var teachers = Enumerable.Range(0, TeachersPerAcademyCount)
                .Select(i => new SeedUser(Guid.NewGuid(), academy, $"bench-teacher-{tag}{i}@bench.itqan", $"Bench Teacher {tag.ToUpperInvariant()}{i}", "teacher"))
                .ToList();
            var students = Enumerable.Range(0, StudentsPerAcademyCount)
                .Select(i => new SeedUser(Guid.NewGuid(), academy, $"bench-student-{tag}{i}@bench.itqan", $"Bench Student {tag.ToUpperInvariant()}{i}", "student"))
                .ToList();
            Users.AddRange(teachers);
            Users.AddRange(students);
            for (var c = 0; c < CoursesPerAcademyCount; c++)
            {
                var teacher = teachers[c % teachers.Count];
                var enrolled = Enumerable.Range(0, EnrolmentsPerCourseCount).Select(k => students[(c + (k * 50)) % students.Count].Id).ToList();
                Courses.Add(new SeedCourse(
                    Guid.NewGuid(), academy, $"{Subjects[c % Subjects.Length]} {tag.ToUpperInvariant()}{c}", teacher.Id, teacher.DisplayName, enrolled));
            }
        }

        // Past sessions, alternating academies and courses, scheduled over the past year.
        var yearStart = now.AddDays(-365);
        var numbers = new Dictionary<Guid, int>();
        for (var i = 0; i < pastSessions; i++)
        {
            var course = Courses[((i % 2) * CoursesPerAcademyCount) + ((i / 2) % CoursesPerAcademyCount)];
            var number = numbers[course.Id] = numbers.GetValueOrDefault(course.Id) + 1;
            var scheduledAt = yearStart.AddMinutes(_random.Next(0, 364 * 24 * 60));
            Sessions.Add(NewSession(course, number, scheduledAt, "completed"));
        }

        // Sessions ready to record now, in one course of academy A with recording on, for start + stop.
        var live = Courses[0];
        for (var i = 0; i < readySessions; i++)
        {
            var number = numbers[live.Id] = numbers.GetValueOrDefault(live.Id) + 1;
            Sessions.Add(NewSession(live, number, now.Date.AddHours(12), "ready"));
        }
    }

    public List<SeedUser> Users { get; } = [];

    public List<SeedCourse> Courses { get; } = [];

    public List<SeedSession> Sessions { get; } = [];

    public IEnumerable<SeedEnrolment> Enrolments() =>
        Courses.SelectMany(c => c.Students.Select(s => new SeedEnrolment(c.Id, s)));

    /// <summary>
    /// <paramref name="count"/> recordings over the past sessions: 90.5 % completed, 5 % deleted (after completing),
    /// 4 % failed, 0.5 % still processing (their egress never reported).
    /// </summary>
    public IEnumerable<RecordingRow> Recordings(int count)
    {
        var past = Sessions.Where(s => s.Status == "completed").ToList();
        for (var j = 0; j < count; j++)
        {
            var session = past[j % past.Count];
            var take = j / past.Count;
            var startedAt = session.ScheduledAt.AddMinutes(2 + (take * 6));
            var duration = TimeSpan.FromSeconds(_random.Next(60, 5400));
            var endedAt = startedAt + duration;
            var egressId = "EG_" + Base36(j, 12);
            var roll = _random.Next(1000);
            var file = string.Create(
                CultureInfo.InvariantCulture, $"interactive/{startedAt:yyyy}/{startedAt:MM}/session-{session.Id:N}-{startedAt:yyyyMMdd_HHmmss}.mp4");
            var size = (long)(duration.TotalSeconds * _random.Next(120_000, 400_000));
            var id = Guid.CreateVersion7(new DateTimeOffset(startedAt));
            yield return roll switch
            {
                < 40 => new RecordingRow(id, session, egressId, "failed", startedAt, endedAt, null, null, null, null, null,
                    "LiveKit failed the recording: pipeline error: could not connect to room"),
                < 45 => new RecordingRow(id, session, egressId, "processing", startedAt, endedAt, null, null, null, null, null, null),
                < 95 => new RecordingRow(id, session, egressId, "deleted", startedAt, endedAt, endedAt.AddSeconds(20),
                    endedAt.AddDays(_random.Next(1, 60)), duration, file, size, null),
                _ => new RecordingRow(id, session, egressId, "completed", startedAt, endedAt, endedAt.AddSeconds(20), null,
                    duration, file, size, null),
            };
        }
    }

    private static SeedSession NewSession(SeedCourse course, int number, DateTime scheduledAt, string status)
    {
        var id = Guid.NewGuid();
        return new SeedSession(id, course, number, scheduledAt, status, $"itqan-interactive-{id.ToString("N")[..8]}");
    }

    private static string Base36(long value, int width)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            chars[i] = digits[(int)(value % 36)];
            value /= 36;
        }

        return new string(chars);
    }
}
