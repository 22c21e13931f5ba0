using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordingTranscripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recording_transcripts",
                columns: table => new
                {
                    recording_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    web_vtt = table.Column<string>(type: "character varying(2000000)", maxLength: 2000000, nullable: false),
                    searchable_text = table.Column<string>(type: "text", nullable: false),
                    updated_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recording_transcripts", x => new { x.recording_id, x.language });
                    table.ForeignKey(
                        name: "fk_recording_transcripts_recordings_recording_id",
                        column: x => x.recording_id,
                        principalTable: "recordings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Full-text search over what was said (TranscriptSearch queries by this very expression).
            migrationBuilder.Sql(
                "CREATE INDEX ix_recording_transcripts_search ON recording_transcripts USING GIN (to_tsvector('simple', searchable_text));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recording_transcripts");
        }
    }
}
