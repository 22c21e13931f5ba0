using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReadyNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notifications_seen_up_to",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "announced_at",
                table: "recordings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "available_at",
                table: "recordings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_recordings_available_at",
                table: "recordings",
                column: "available_at",
                filter: "available_at IS NOT NULL");

            // Recordings watchable before notifications existed: not news (no email), and already seen by everyone.
            migrationBuilder.Sql(
                """
                UPDATE recordings SET available_at = completed_at, announced_at = completed_at
                WHERE status = 'completed' AND publication = 'published' AND completed_at IS NOT NULL;
                UPDATE users SET notifications_seen_up_to = now();
                """);

            // Every instance's open pages hear of a recording that became watchable, once its transaction commits.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION notify_recording_available() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('recording_available', NEW.id::text);
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER recording_available AFTER UPDATE OF available_at ON recordings
                FOR EACH ROW WHEN (NEW.available_at IS NOT NULL AND NEW.available_at IS DISTINCT FROM OLD.available_at)
                EXECUTE FUNCTION notify_recording_available();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER recording_available ON recordings;
                DROP FUNCTION notify_recording_available();
                """);

            migrationBuilder.DropIndex(
                name: "ix_recordings_available_at",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "notifications_seen_up_to",
                table: "users");

            migrationBuilder.DropColumn(
                name: "announced_at",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "available_at",
                table: "recordings");
        }
    }
}
