using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace ItqanRecording.Bench.Catalogue;

/// <summary>
/// The catalogue at scale, loaded with binary COPY into the two demo academies the API seeded (so the demo admins
/// see it): teachers, students, courses with enrolments, interactive sessions spread over the past year, and
/// recordings with a realistic status mix, files for the completed ones and the metadata the API writes. The rows
/// follow the EF migrations column by column; the API reads them like its own. Also one 200 MB recording whose file
/// exists, for the streaming scenarios, and sessions ready to record for start/stop. Deterministic (fixed seed).
/// </summary>
public static class CatalogueSeeder
{
    public static readonly Guid AcademyA = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-000000000001");
    public static readonly Guid AcademyB = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-000000000002");

    private const string StreamFilePath = "bench/stream-200mb.mp4";

    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var connectionString = options.Get("db");
        var recordingCount = options.GetInt("recordings", 1_000_000);
        var sessionCount = options.GetInt("sessions", 100_000);
        var readySessions = options.GetInt("ready-sessions", 1_000);
        var output = options.Get("out");
        var storageRoot = options.Get("storage");
        var streamBytes = (long)options.GetInt("stream-mb", 200) * 1024 * 1024;
        Directory.CreateDirectory(output);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var existing = await ScalarAsync<long>(connection, "SELECT count(*) FROM recordings", cancellationToken);
        if (existing >= recordingCount && File.Exists(Path.Combine(output, "seed.json")))
        {
            Console.WriteLine($"seed: {existing} recordings already there; nothing to do");
            return 0;
        }

        var passwordHash = await ScalarAsync<string>(
            connection, "SELECT password_hash FROM users WHERE email = 'admin@demo.itqan'", cancellationToken);
        var clock = Stopwatch.StartNew();
        var plan = new SeedPlan(new Random(20261126), DateTime.UtcNow, sessionCount - readySessions, readySessions);

        await CopyAsync(connection, "users (id, academy_id, email, display_name, role, password_hash, security_stamp)", plan.Users, (w, u) =>
        {
            w.Write(u.Id, NpgsqlDbType.Uuid);
            w.Write(u.AcademyId, NpgsqlDbType.Uuid);
            w.Write(u.Email, NpgsqlDbType.Varchar);
            w.Write(u.DisplayName, NpgsqlDbType.Varchar);
            w.Write(u.Role, NpgsqlDbType.Varchar);
            w.Write(passwordHash, NpgsqlDbType.Varchar);
            w.Write(Guid.NewGuid(), NpgsqlDbType.Uuid);
        }, cancellationToken);
        await CopyAsync(connection, "courses (id, academy_id, title, teacher_id, recording_enabled)", plan.Courses, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write(c.AcademyId, NpgsqlDbType.Uuid);
            w.Write(c.Title, NpgsqlDbType.Varchar);
            w.Write(c.TeacherId, NpgsqlDbType.Uuid);
            w.Write(true, NpgsqlDbType.Boolean);
        }, cancellationToken);
        await CopyAsync(connection, "course_enrollments (course_id, student_id)", plan.Enrolments(), (w, e) =>
        {
            w.Write(e.CourseId, NpgsqlDbType.Uuid);
            w.Write(e.StudentId, NpgsqlDbType.Uuid);
        }, cancellationToken);
        await CopyAsync(connection, "sessions (id, academy_id, title, scheduled_at, status, meeting_room_name, kind, course_id, session_number)", plan.Sessions, (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Uuid);
            w.Write(s.Course.AcademyId, NpgsqlDbType.Uuid);
            w.Write(s.Title, NpgsqlDbType.Varchar);
            w.Write(s.ScheduledAt, NpgsqlDbType.TimestampTz);
            w.Write(s.Status, NpgsqlDbType.Varchar);
            w.Write(s.RoomName, NpgsqlDbType.Varchar);
            w.Write("interactive", NpgsqlDbType.Varchar);
            w.Write(s.Course.Id, NpgsqlDbType.Uuid);
            w.Write(s.Number, NpgsqlDbType.Integer);
        }, cancellationToken);
        Console.WriteLine($"seed: {plan.Users.Count} users, {plan.Courses.Count} courses, {plan.Sessions.Count} sessions in {clock.Elapsed.TotalSeconds:F1}s");

        // Indexes are dropped for the bulk load and built again afterwards: much faster than maintaining them per row.
        // So is the trigger that keeps the daily totals: off for the COPY, then the totals recounted in one statement.
        var indexes = await DropSecondaryIndexesAsync(connection, "recordings", cancellationToken);
        await ExecuteAsync(connection, "ALTER TABLE recordings DISABLE TRIGGER USER", cancellationToken);
        var streamRecording = Guid.Empty;
        await CopyAsync(connection, RecordingRow.Columns, plan.Recordings(recordingCount), (w, r) =>
        {
            if (streamRecording == Guid.Empty && r.Status == "completed" && r.Session.Course.AcademyId == AcademyA)
            {
                streamRecording = r.Id;
                r = r with { FilePath = StreamFilePath, FileSizeBytes = streamBytes };
            }

            r.Write(w);
        }, cancellationToken);
        Console.WriteLine($"seed: {recordingCount} recordings copied at {clock.Elapsed.TotalSeconds:F1}s; rebuilding {indexes.Count} indexes");
        foreach (var definition in indexes)
        {
            await ExecuteAsync(connection, definition, cancellationToken);
        }

        await ExecuteAsync(connection, "ALTER TABLE recordings ENABLE TRIGGER USER", cancellationToken);
        await ExecuteAsync(connection, "SELECT recording_daily_totals_rebuild()", cancellationToken);

        var (stays, watchRows, heartbeats) = await SeedLearningAsync(connection, cancellationToken);
        Console.WriteLine($"seed: {stays} stays in classes, {watchRows} watch-progress rows ({heartbeats} heartbeats of 10 s) at {clock.Elapsed.TotalSeconds:F1}s");

        await ExecuteAsync(connection, "VACUUM (ANALYZE) recordings", cancellationToken);
        await ExecuteAsync(connection, "VACUUM (ANALYZE) sessions", cancellationToken);
        await ExecuteAsync(connection, "VACUUM (ANALYZE) recording_daily_totals", cancellationToken);
        await ExecuteAsync(connection, "ANALYZE", cancellationToken);
        Console.WriteLine($"seed: indexes and statistics done at {clock.Elapsed.TotalSeconds:F1}s");

        await WriteStreamFileAsync(Path.Combine(storageRoot, StreamFilePath), streamBytes, cancellationToken);
        await WriteOutputsAsync(output, plan, streamRecording, streamBytes, cancellationToken);
        Console.WriteLine($"seed: done in {clock.Elapsed.TotalSeconds:F1}s");
        return 0;
    }

    /// <summary>
    /// What the analytics read, made in the database from the rows above (deterministic: hashes of the ids): in every
    /// past class the teacher stays the hour, 70 % of the enrolled students nearly all of it, 15 % leave after 12 minutes
    /// and 15 % never come; 11 % of the enrolled students watched each completed or deleted recording, 10 to 190 seconds
    /// of it, as the watch-progress rows that many 10-second heartbeats merge into (the player sends one every 10 s).
    /// </summary>
    private static async Task<(long Stays, long WatchRows, long Heartbeats)> SeedLearningAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, """
            INSERT INTO attendance_intervals (id, session_id, academy_id, participant_sid, identity, name, user_id, joined_at, left_at)
            SELECT gen_random_uuid(), s.id, s.academy_id, 'PA_' || md5(s.id::text || u.id::text), u.email, u.display_name, u.id,
                   s.scheduled_at, s.scheduled_at + p.stayed
            FROM sessions s
            JOIN courses c ON c.id = s.course_id
            CROSS JOIN LATERAL (
                SELECT c.teacher_id AS user_id, interval '60 minutes' AS stayed
                UNION ALL
                SELECT e.student_id, CASE WHEN h.h < 70 THEN interval '58 minutes' ELSE interval '12 minutes' END
                FROM course_enrollments e CROSS JOIN LATERAL (SELECT (hashtext(s.id::text || e.student_id::text) & 2147483647) % 100 AS h) h
                WHERE e.course_id = c.id AND h.h < 85
            ) p
            JOIN users u ON u.id = p.user_id
            WHERE s.status = 'completed'
            """, cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO watch_progress (recording_id, user_id, academy_id, watched_seconds, position_seconds, updated_at)
            SELECT r.id, e.student_id, r.academy_id, w.seconds, w.seconds, r.ended_at + interval '1 day'
            FROM recordings r
            JOIN sessions s ON s.id = r.session_id
            JOIN course_enrollments e ON e.course_id = s.course_id
            CROSS JOIN LATERAL (SELECT hashtext(r.id::text || e.student_id::text) & 2147483647 AS h) x
            CROSS JOIN LATERAL (SELECT least(extract(epoch FROM r.duration)::int, 10 * (1 + x.h % 19)) AS seconds) w
            WHERE r.status IN ('completed', 'deleted') AND x.h % 100 < 11
            """, cancellationToken);
        await ExecuteAsync(connection, "VACUUM (ANALYZE) attendance_intervals", cancellationToken);
        await ExecuteAsync(connection, "VACUUM (ANALYZE) watch_progress", cancellationToken);
        return (
            await ScalarAsync<long>(connection, "SELECT count(*) FROM attendance_intervals", cancellationToken),
            await ScalarAsync<long>(connection, "SELECT count(*) FROM watch_progress", cancellationToken),
            await ScalarAsync<long>(connection, "SELECT coalesce(sum(ceil(watched_seconds / 10.0)), 0)::bigint FROM watch_progress", cancellationToken));
    }

    private static async Task WriteOutputsAsync(string output, SeedPlan plan, Guid streamRecording, long streamBytes, CancellationToken cancellationToken)
    {
        // Sessions of academy A that have recordings, in a random order, for the session-list scenario.
        var random = new Random(7);
        var sample = plan.Sessions.Where(s => s.Status == "completed" && s.Course.AcademyId == AcademyA)
            .OrderBy(_ => random.Next()).Take(2000).Select(s => s.Id.ToString());
        await File.WriteAllLinesAsync(Path.Combine(output, "sessions.txt"), sample, cancellationToken);
        await File.WriteAllLinesAsync(
            Path.Combine(output, "ready-sessions.txt"),
            plan.Sessions.Where(s => s.Status == "ready").Select(s => $"{s.Id} {s.RoomName}"),
            cancellationToken);
        var busiestTeacher = plan.Courses.Where(c => c.AcademyId == AcademyA).GroupBy(c => c.TeacherId)
            .OrderByDescending(g => g.Count()).First().Key;
        var summary = new Dictionary<string, object>
        {
            ["academyId"] = AcademyA,
            ["teacherId"] = busiestTeacher,
            ["streamRecordingId"] = streamRecording,
            ["streamBytes"] = streamBytes,
            ["sessions"] = plan.Sessions.Count,
            ["users"] = plan.Users.Count,
        };
        await File.WriteAllTextAsync(
            Path.Combine(output, "seed.json"), JsonSerializer.Serialize(summary, BenchJson.Options), cancellationToken);
    }

    private static async Task WriteStreamFileAsync(string path, long bytes, CancellationToken cancellationToken)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var buffer = new byte[1024 * 1024];
        var random = new Random(200);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        for (long written = 0; written < bytes; written += buffer.Length)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, bytes - written)), cancellationToken);
        }
    }

    private static async Task<List<string>> DropSecondaryIndexesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var definitions = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid = @table::regclass AND NOT i.indisprimary
            """, connection))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in definitions)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}", cancellationToken);
        }

        return definitions.Select(d => d.Definition).ToList();
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string target, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No value from: {sql}"));
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
