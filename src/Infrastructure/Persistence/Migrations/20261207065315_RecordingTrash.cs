using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordingTrash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "files_removed_at",
                table: "recordings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_before_deletion",
                table: "recordings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "trash_days",
                table: "academies",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            // Recordings deleted before the trash existed keep the choice made then: a file removed (by the admin or by
            // retention) stays removed; a kept file waits in the trash from its deletion like any other. None of them can
            // be restored (their status before deletion was not kept).
            migrationBuilder.Sql("""
                UPDATE recordings r SET files_removed_at = r.deleted_at
                WHERE r.status = 'deleted' AND EXISTS (
                    SELECT 1 FROM recording_audit_entries a
                    WHERE a.recording_id = r.id AND a.action = 'deleted'
                      AND (a.details = 'file removed' OR a.details LIKE 'retention%'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "files_removed_at",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "status_before_deletion",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "trash_days",
                table: "academies");
        }
    }
}
