using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordingFileStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "file_store",
                table: "recordings",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            // Every file written so far lies in the local folder.
            migrationBuilder.Sql("UPDATE recordings SET file_store = 'local' WHERE file_path IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "file_store",
                table: "recordings");
        }
    }
}
