using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The catalogue's statistics for a whole academy read 500,000 index entries on the benchmark's million recordings
    /// (150–200 ms in PostgreSQL itself). recording_daily_totals holds the same sums per academy, UTC day of the start,
    /// teacher, session kind and status, about ten times fewer rows, kept exact by a trigger on recordings: every
    /// insert, delete, and update of a counted or grouping column takes the old row's contribution off its group and
    /// adds the new row's to its group, in one upsert at commit, locking the groups in key order. A group that empties
    /// keeps its row at zero (no delete in the trigger; the next recording of that group reuses it).
    /// recording_daily_totals_rebuild() recounts everything from recordings in one statement: the backfill here, and
    /// for bulk loads that disable the trigger (bench/Bench). docs/adr/0008.
    /// </summary>
    public partial class RecordingDailyTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recording_daily_totals",
                columns: table => new
                {
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    seconds = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recording_daily_totals", x => new { x.academy_id, x.day, x.teacher_id, x.session_kind, x.status });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            // OLD is null in an INSERT trigger and NEW in a DELETE trigger; the WHERE clauses leave the missing side out.
            // Grouping merges the two sides when a recording stays in its group (only its size or duration changed).
            // The triggers are deferred to the commit, so a writer holds its totals rows only while it commits, not
            // across the round trips that follow its change (the webhook's audit and inbox inserts): writers of the
            // same teacher and day wait on each other for that much less.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION recording_daily_totals_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO recording_daily_totals AS t (academy_id, day, teacher_id, session_kind, status, count, bytes, seconds)
                    SELECT c.academy_id, c.day, c.teacher_id, c.session_kind, c.status, sum(c.count), sum(c.bytes), sum(c.seconds)
                    FROM (
                        SELECT OLD.academy_id, (OLD.started_at AT TIME ZONE 'UTC')::date, OLD.teacher_id, OLD.session_kind, OLD.status,
                            -1, -coalesce(OLD.file_size_bytes, 0), -coalesce(extract(epoch FROM OLD.duration), 0)
                        WHERE TG_OP <> 'INSERT'
                        UNION ALL
                        SELECT NEW.academy_id, (NEW.started_at AT TIME ZONE 'UTC')::date, NEW.teacher_id, NEW.session_kind, NEW.status,
                            1, coalesce(NEW.file_size_bytes, 0), coalesce(extract(epoch FROM NEW.duration), 0)
                        WHERE TG_OP <> 'DELETE'
                    ) AS c (academy_id, day, teacher_id, session_kind, status, count, bytes, seconds)
                    GROUP BY c.academy_id, c.day, c.teacher_id, c.session_kind, c.status
                    ORDER BY c.academy_id, c.day, c.teacher_id, c.session_kind, c.status
                    ON CONFLICT (academy_id, day, teacher_id, session_kind, status) DO UPDATE
                    SET count = t.count + excluded.count, bytes = t.bytes + excluded.bytes, seconds = t.seconds + excluded.seconds;
                    RETURN NULL;
                END
                $$;

                CREATE CONSTRAINT TRIGGER recordings_count_daily_totals AFTER INSERT OR DELETE ON recordings
                    DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION recording_daily_totals_count();

                CREATE CONSTRAINT TRIGGER recordings_recount_daily_totals
                    AFTER UPDATE OF academy_id, started_at, teacher_id, session_kind, status, file_size_bytes, duration ON recordings
                    DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW
                    WHEN ((OLD.academy_id, OLD.started_at, OLD.teacher_id, OLD.session_kind, OLD.status, OLD.file_size_bytes, OLD.duration)
                        IS DISTINCT FROM (NEW.academy_id, NEW.started_at, NEW.teacher_id, NEW.session_kind, NEW.status, NEW.file_size_bytes, NEW.duration))
                    EXECUTE FUNCTION recording_daily_totals_count();

                CREATE FUNCTION recording_daily_totals_rebuild() RETURNS void LANGUAGE sql AS $$
                    TRUNCATE recording_daily_totals;
                    INSERT INTO recording_daily_totals (academy_id, day, teacher_id, session_kind, status, count, bytes, seconds)
                    SELECT academy_id, (started_at AT TIME ZONE 'UTC')::date, teacher_id, session_kind, status,
                        count(*), coalesce(sum(file_size_bytes), 0), coalesce(sum(extract(epoch FROM duration)), 0)
                    FROM recordings
                    GROUP BY 1, 2, 3, 4, 5;
                $$;

                SELECT recording_daily_totals_rebuild();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP FUNCTION recording_daily_totals_rebuild();
                DROP TRIGGER recordings_recount_daily_totals ON recordings;
                DROP TRIGGER recordings_count_daily_totals ON recordings;
                DROP FUNCTION recording_daily_totals_count();
                """);
            migrationBuilder.DropTable(
                name: "recording_daily_totals");
        }
    }
}
