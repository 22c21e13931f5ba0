using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <summary>Queues the HLS packaging of every video completed before it was made on completion.</summary>
    public partial class HlsJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                INSERT INTO media_jobs (id, recording_id, task, state, attempts, queued_at, next_attempt_at)
                SELECT gen_random_uuid(), id, 'hls', 'queued', 0, now(), now() FROM recordings WHERE status = 'completed' AND file_format = 'mp4'
                ON CONFLICT (recording_id, task) DO NOTHING
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM media_jobs WHERE task = 'hls'");
        }
    }
}
