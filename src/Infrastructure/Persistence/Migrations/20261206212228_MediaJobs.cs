using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MediaJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "media_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recording_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_media_jobs_recordings_recording_id",
                        column: x => x.recording_id,
                        principalTable: "recordings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_media_jobs_due",
                table: "media_jobs",
                column: "next_attempt_at",
                filter: "state IN ('queued', 'running')");

            migrationBuilder.CreateIndex(
                name: "ix_media_jobs_recording_id_task",
                table: "media_jobs",
                columns: new[] { "recording_id", "task" },
                unique: true);

            // Recordings completed before media processing existed get their media too (as Recording.Complete queues it).
            migrationBuilder.Sql(
                """
                INSERT INTO media_jobs (id, recording_id, task, state, attempts, queued_at, next_attempt_at)
                SELECT gen_random_uuid(), id, 'poster', 'queued', 0, now(), now() FROM recordings WHERE status = 'completed'
                UNION ALL
                SELECT gen_random_uuid(), id, 'aaccopy', 'queued', 0, now(), now() FROM recordings WHERE status = 'completed' AND file_format = 'ogg'
                UNION ALL
                SELECT gen_random_uuid(), id, 'seekpreviews', 'queued', 0, now(), now() FROM recordings WHERE status = 'completed' AND file_format = 'mp4'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "media_jobs");
        }
    }
}
