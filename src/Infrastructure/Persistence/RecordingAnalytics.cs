using System.Data.Common;
using ItqanRecording.Application.Analytics;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// The analytics dashboard in three statements: the recordings of the scope with their viewers, grouped at once by
/// period, by course/circle/lesson and by teacher (<c>GROUPING SETS</c>); the same groups' catch-up from the attendance
/// LiveKit reported; and the teachers' names with the bytes stored (from the daily totals). The scope's recordings are
/// found through <c>(academy_id, started_at)</c> or <c>(academy_id, teacher_id, started_at)</c>, their viewers through
/// <c>watch_progress</c>'s primary key. docs/performance.md has the plans at 1,000,000 recordings.
/// </summary>
public sealed class RecordingAnalytics(RecordingDbContext db, IEnumerable<ISessionKindDefinition> kinds) : IRecordingAnalytics
{
    /// <summary>The scope's completed recordings; each statement starts from it.</summary>
    private const string ScopeRecordings = """
        recs AS MATERIALIZED (
            SELECT r.id, r.session_id, r.parent_id, r.session_kind, r.teacher_id,
                   coalesce(r.metadata->>'courseTitle', r.metadata->>'circleName', r.metadata->>'subject') AS parent_name,
                   coalesce(r.file_size_bytes, 0) AS bytes, r.publication = 'published' AS published,
                   coalesce(extract(epoch FROM r.duration)::float8, 0) AS seconds,
                   date_trunc(@bucket, r.started_at AT TIME ZONE @zone)::date AS period
            FROM recordings r
            WHERE r.academy_id = @academy AND r.status = 'completed' AND r.started_at >= @from AND r.started_at < @to
              AND (@teacher::uuid IS NULL OR r.teacher_id = @teacher)
        )
        """;

    private const string FiguresSql = $"""
        WITH {ScopeRecordings},
        recorded AS (
            SELECT GROUPING(period, parent_id, session_kind, teacher_id) AS g, period, parent_id, session_kind, teacher_id,
                   min(parent_name) AS parent_name, count(*)::int AS recordings, coalesce(sum(seconds), 0) AS seconds,
                   coalesce(sum(bytes), 0)::bigint AS bytes
            FROM recs
            GROUP BY GROUPING SETS ((), (period), (parent_id, session_kind, teacher_id), (teacher_id))
        ),
        watched AS (
            SELECT GROUPING(recs.period, recs.parent_id, recs.session_kind, recs.teacher_id) AS g,
                   recs.period, recs.parent_id, recs.session_kind, recs.teacher_id,
                   count(*)::int AS views, count(DISTINCT p.user_id)::int AS viewers, sum(p.watched_seconds)::bigint AS watched,
                   avg(least(p.watched_seconds / nullif(recs.seconds, 0), 1)) AS coverage
            FROM recs JOIN watch_progress p ON p.recording_id = recs.id
            WHERE p.watched_seconds > 0
            GROUP BY GROUPING SETS ((), (recs.period), (recs.parent_id, recs.session_kind, recs.teacher_id), (recs.teacher_id))
        )
        SELECT r.g, r.period, r.parent_id, r.session_kind, r.teacher_id, r.parent_name, r.recordings, r.seconds, r.bytes,
               coalesce(w.views, 0), coalesce(w.viewers, 0), coalesce(w.watched, 0), w.coverage
        FROM recorded r
        -- One key per group (a level's absent columns as fixed values), so the join hashes instead of comparing every pair.
        LEFT JOIN watched w
            ON (w.g, coalesce(w.period, 'epoch'), coalesce(w.parent_id, '00000000-0000-0000-0000-000000000000'), coalesce(w.session_kind, ''),
                coalesce(w.teacher_id, '00000000-0000-0000-0000-000000000000'))
             = (r.g, coalesce(r.period, 'epoch'), coalesce(r.parent_id, '00000000-0000-0000-0000-000000000000'), coalesce(r.session_kind, ''),
                coalesce(r.teacher_id, '00000000-0000-0000-0000-000000000000'))
        """;

    /// <summary>
    /// The students each class expected (<paramref name="roster"/>, from the session kinds) who missed it (no time in the
    /// room; a class has begun once anyone joined, however briefly) or left early (their stays, merged so that two
    /// devices count once, cover less than the share of the class's span from first join to last leave; a class nobody
    /// joined has none); caught up when they then saw the watched share of its published recordings together. The
    /// teacher's attendance list counts them the same way.
    /// </summary>
    private static string CatchUpSql(string roster) => $"""
        WITH {ScopeRecordings},
        roster (session_id, student_id) AS ({roster}),
        classes AS (SELECT DISTINCT session_id, parent_id, session_kind, teacher_id FROM recs),
        stays AS (
            SELECT a.session_id, a.user_id, greatest(coalesce(a.left_at, now()), a.joined_at) AS left_at, a.joined_at
            FROM attendance_intervals a JOIN classes c ON c.session_id = a.session_id
        ),
        spans AS (
            SELECT session_id, extract(epoch FROM max(left_at) - min(joined_at)) AS seconds FROM stays GROUP BY session_id
        ),
        merged AS (
            SELECT e.session_id, e.student_id AS user_id, range_agg(tstzrange(s.joined_at, s.left_at)) FILTER (WHERE s.session_id IS NOT NULL) AS stayed
            FROM (SELECT DISTINCT c.session_id, r.student_id FROM classes c
                  -- Per class (OFFSET 0 keeps it a lateral subquery), so each kind's part looks up that session's
                  -- students by key instead of listing every session's.
                  CROSS JOIN LATERAL (SELECT r.student_id FROM roster r WHERE r.session_id = c.session_id OFFSET 0) r
                  WHERE r.student_id <> c.teacher_id) e
            LEFT JOIN stays s ON s.session_id = e.session_id AND s.user_id = e.student_id
            GROUP BY e.session_id, e.student_id
        ),
        needed AS (
            SELECT c.parent_id, c.session_kind, c.teacher_id, m.session_id, m.user_id
            FROM merged m JOIN spans sp ON sp.session_id = m.session_id JOIN classes c ON c.session_id = m.session_id
            CROSS JOIN LATERAL (SELECT coalesce(sum(extract(epoch FROM upper(x) - lower(x))), 0) AS seconds FROM unnest(m.stayed) AS x) attended
            WHERE attended.seconds = 0 OR attended.seconds < @share * sp.seconds
        ),
        watchable AS (SELECT session_id, sum(seconds) AS seconds FROM recs WHERE published GROUP BY session_id),
        seen AS (
            SELECT r.session_id, p.user_id, sum(p.watched_seconds) AS seconds
            FROM recs r JOIN watch_progress p ON p.recording_id = r.id
            WHERE r.published
            GROUP BY r.session_id, p.user_id
        )
        SELECT GROUPING(n.parent_id, n.session_kind, n.teacher_id) AS g, n.parent_id, n.session_kind, n.teacher_id, count(*)::int,
               (count(*) FILTER (WHERE w.seconds >= 1 AND coalesce(s.seconds, 0) >= @coverage * w.seconds))::int
        FROM needed n
        LEFT JOIN watchable w ON w.session_id = n.session_id
        LEFT JOIN seen s ON s.session_id = n.session_id AND s.user_id = n.user_id
        GROUP BY GROUPING SETS ((), (n.parent_id, n.session_kind, n.teacher_id), (n.teacher_id))
        """;

    private const string StoredBytesSql = """
        SELECT coalesce(sum(bytes), 0)::bigint FROM recording_daily_totals
        WHERE academy_id = @academy AND status = 'completed' AND (@teacher::uuid IS NULL OR teacher_id = @teacher)
        """;

    private const int Everything = 15;
    private const int ByPeriod = 7;
    private const int ByParent = 8;
    private const int ByTeacher = 14;
    private const int CatchUpEverything = 7;
    private const int CatchUpByParent = 0;
    private const int CatchUpByTeacher = 6;

    public async Task<AnalyticsReport> ReportAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command(FiguresSql, scope),
                    Command(CatchUpSql(RosterSql()), scope),
                    Command(StoredBytesSql, scope),
                },
            };
            await using (batch)
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                var groups = new List<(int Group, DateOnly? Period, Guid? ParentId, string? Kind, Guid? TeacherId, string? Name, AnalyticsFigures Figures)>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    groups.Add((reader.GetInt32(0), NullableDate(reader, 1), NullableGuid(reader, 2), NullableString(reader, 3),
                        NullableGuid(reader, 4), NullableString(reader, 5), FiguresOf(reader)));
                }

                await reader.NextResultAsync(cancellationToken);
                var catchUps = new List<(int Group, Guid? ParentId, string? Kind, Guid? TeacherId, CatchUpFigures Figures)>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    catchUps.Add((reader.GetInt32(0), NullableGuid(reader, 1), NullableString(reader, 2), NullableGuid(reader, 3),
                        new CatchUpFigures(reader.GetInt32(4), reader.GetInt32(5))));
                }

                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var storedBytes = reader.GetInt64(0);
                await reader.CloseAsync();

                var teacherIds = groups.Where(g => g.Group == ByTeacher).Select(g => g.TeacherId!.Value).ToList();
                var names = await db.Users.AsNoTracking().Where(u => teacherIds.Contains(u.Id))
                    .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                CatchUpFigures CatchUpOf(int group, Guid? parentId, string? kind, Guid? teacherId) =>
                    catchUps.FirstOrDefault(c => c.Group == group && c.ParentId == parentId && c.Kind == kind && c.TeacherId == teacherId).Figures
                    ?? new CatchUpFigures(0, 0);

                return new AnalyticsReport(
                    groups.Single(g => g.Group == Everything).Figures,
                    CatchUpOf(CatchUpEverything, null, null, null),
                    [.. groups.Where(g => g.Group == ByPeriod).OrderBy(g => g.Period).Select(g => new AnalyticsPeriod(g.Period!.Value, g.Figures))],
                    [.. groups.Where(g => g.Group == ByParent)
                        .OrderByDescending(g => g.Figures.RecordedSeconds)
                        .Select(g => new AnalyticsParent(
                            g.ParentId, new SessionKind(g.Kind!), g.Name, g.TeacherId!.Value, names.GetValueOrDefault(g.TeacherId!.Value), g.Figures,
                            CatchUpOf(CatchUpByParent, g.ParentId, g.Kind, g.TeacherId)))],
                    [.. groups.Where(g => g.Group == ByTeacher)
                        .OrderByDescending(g => g.Figures.RecordedSeconds)
                        .Select(g => new AnalyticsTeacher(
                            g.TeacherId!.Value, names.GetValueOrDefault(g.TeacherId!.Value), g.Figures, CatchUpOf(CatchUpByTeacher, null, null, g.TeacherId)))],
                    storedBytes);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Every kind's expected students as one SQL query without parameters, planned with the statement that joins it.</summary>
    private string RosterSql() => kinds.Select(kind => kind.Students(db)).Aggregate((all, next) => all.Concat(next)).ToQueryString();

    private static NpgsqlBatchCommand Command(string sql, AnalyticsScope scope) => new(sql)
    {
        Parameters =
        {
            new NpgsqlParameter("academy", NpgsqlDbType.Uuid) { Value = scope.AcademyId },
            new NpgsqlParameter("teacher", NpgsqlDbType.Uuid) { Value = (object?)scope.TeacherId ?? DBNull.Value },
            new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = scope.From.UtcDateTime },
            new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = scope.To.UtcDateTime },
            new NpgsqlParameter("bucket", NpgsqlDbType.Text) { Value = scope.Bucket == AnalyticsBucket.Week ? "week" : "month" },
            new NpgsqlParameter("zone", NpgsqlDbType.Text) { Value = scope.TimeZoneId },
            new NpgsqlParameter("coverage", NpgsqlDbType.Double) { Value = scope.WatchedCoverage },
            new NpgsqlParameter("share", NpgsqlDbType.Double) { Value = scope.AttendedShare },
        },
    };

    private static AnalyticsFigures FiguresOf(DbDataReader reader) => new(
        reader.GetInt32(6),
        reader.GetDouble(7),
        reader.GetInt64(8),
        reader.GetInt32(9),
        reader.GetInt32(10),
        reader.GetInt64(11),
        reader.IsDBNull(12) ? null : reader.GetDouble(12));

    private static DateOnly? NullableDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.FromDateTime(reader.GetDateTime(ordinal));

    private static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
