using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordingPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "publication",
                table: "recordings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Recordings made before publishing existed were all shown to their students.
                defaultValue: "published");

            migrationBuilder.AddColumn<bool>(
                name: "review_before_publishing",
                table: "academy_recording_overrides",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "review_before_publishing",
                table: "academies",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "publication",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "review_before_publishing",
                table: "academy_recording_overrides");

            migrationBuilder.DropColumn(
                name: "review_before_publishing",
                table: "academies");
        }
    }
}
