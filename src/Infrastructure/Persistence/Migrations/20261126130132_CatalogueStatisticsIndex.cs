using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The catalogue's statistics group an academy's recordings by status and kind and sum their bytes and seconds.
    /// This index holds all of that, so PostgreSQL reads it instead of the table (an index-only scan). Measured on a
    /// million recordings: about 250–300 ms → 80–150 ms for an academy of 450,000, 170 ms → 22 ms for one of 100,000.
    /// Raw SQL: EF Core cannot include a complex type's column in an index. Building it holds writes to recordings
    /// for seconds on a million rows (CONCURRENTLY would not, but a failed concurrent build leaves an invalid index).
    /// </summary>
    public partial class CatalogueStatisticsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE INDEX ix_recordings_academy_id_status_session_kind ON recordings (academy_id, status, session_kind) " +
                "INCLUDE (file_size_bytes, duration);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_recordings_academy_id_status_session_kind;");
        }
    }
}
