using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AttendanceAndWatchProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attendance_intervals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    identity = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_intervals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watch_progress",
                columns: table => new
                {
                    recording_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    watched_seconds = table.Column<int>(type: "integer", nullable: false),
                    position_seconds = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_progress", x => new { x.recording_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_watch_progress_recordings_recording_id",
                        column: x => x.recording_id,
                        principalTable: "recordings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The seconds seen, merged by the heartbeat's statement (PostgresWatchProgressStore); EF Core maps only their total.
            migrationBuilder.Sql("ALTER TABLE watch_progress ADD COLUMN watched int4multirange NOT NULL DEFAULT '{}'");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_meeting_room_name",
                table: "sessions",
                column: "meeting_room_name");

            migrationBuilder.CreateIndex(
                name: "ix_attendance_intervals_participant_sid",
                table: "attendance_intervals",
                column: "participant_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attendance_intervals_session_id",
                table: "attendance_intervals",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_watch_progress_user_id",
                table: "watch_progress",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance_intervals");

            migrationBuilder.DropTable(
                name: "watch_progress");

            migrationBuilder.DropIndex(
                name: "ix_sessions_meeting_room_name",
                table: "sessions");
        }
    }
}
