using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ItqanRecording.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionKindsAuditAndWebhookInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "circle_id",
                table: "sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "lesson_id",
                table: "sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_id",
                table: "recordings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "teacher_id",
                table: "recordings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "retention_days",
                table: "academies",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "academy_recording_overrides",
                columns: table => new
                {
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    layout = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    encoding_preset = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    audio_only = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_academy_recording_overrides", x => new { x.academy_id, x.session_kind });
                    table.ForeignKey(
                        name: "fk_academy_recording_overrides_academies_academy_id",
                        column: x => x.academy_id,
                        principalTable: "academies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pending_egress_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    egress_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    event_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    egress_json = table.Column<string>(type: "jsonb", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_egress_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "private_lessons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recording_enabled = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_private_lessons", x => x.id);
                    table.ForeignKey(
                        name: "fk_private_lessons_academies_academy_id",
                        column: x => x.academy_id,
                        principalTable: "academies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_private_lessons_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_private_lessons_users_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "processed_webhook_events",
                columns: table => new
                {
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    event_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    egress_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processed_webhook_events", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "quran_circles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recording_enabled = table.Column<bool>(type: "boolean", nullable: true),
                    audio_only = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quran_circles", x => x.id);
                    table.ForeignKey(
                        name: "fk_quran_circles_academies_academy_id",
                        column: x => x.academy_id,
                        principalTable: "academies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quran_circles_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quran_circles_users_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recording_audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recording_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    access_day = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recording_audit_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_recording_audit_entries_recordings_recording_id",
                        column: x => x.recording_id,
                        principalTable: "recordings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quran_circle_students",
                columns: table => new
                {
                    circle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quran_circle_students", x => new { x.circle_id, x.student_id });
                    table.ForeignKey(
                        name: "fk_quran_circle_students_quran_circles_circle_id",
                        column: x => x.circle_id,
                        principalTable: "quran_circles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quran_circle_students_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_circle_id",
                table: "sessions",
                column: "circle_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_lesson_id",
                table: "sessions",
                column: "lesson_id");

            migrationBuilder.CreateIndex(
                name: "ix_recordings_academy_id_parent_id_started_at",
                table: "recordings",
                columns: new[] { "academy_id", "parent_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_recordings_academy_id_teacher_id_started_at",
                table: "recordings",
                columns: new[] { "academy_id", "teacher_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pending_egress_events_egress_id",
                table: "pending_egress_events",
                column: "egress_id",
                filter: "applied_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pending_egress_events_event_id",
                table: "pending_egress_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_private_lessons_academy_id",
                table: "private_lessons",
                column: "academy_id");

            migrationBuilder.CreateIndex(
                name: "ix_private_lessons_student_id",
                table: "private_lessons",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_private_lessons_teacher_id",
                table: "private_lessons",
                column: "teacher_id");

            migrationBuilder.CreateIndex(
                name: "ix_processed_webhook_events_processed_at",
                table: "processed_webhook_events",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_quran_circle_students_student_id",
                table: "quran_circle_students",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_quran_circles_academy_id",
                table: "quran_circles",
                column: "academy_id");

            migrationBuilder.CreateIndex(
                name: "ix_quran_circles_student_id",
                table: "quran_circles",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_quran_circles_teacher_id",
                table: "quran_circles",
                column: "teacher_id");

            migrationBuilder.CreateIndex(
                name: "ix_recording_audit_entries_recording_id_at",
                table: "recording_audit_entries",
                columns: new[] { "recording_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ux_recording_audit_entries_first_access_per_day",
                table: "recording_audit_entries",
                columns: new[] { "recording_id", "user_id", "action", "access_day" },
                unique: true,
                filter: "access_day IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_sessions_private_lessons_lesson_id",
                table: "sessions",
                column: "lesson_id",
                principalTable: "private_lessons",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_sessions_quran_circles_circle_id",
                table: "sessions",
                column: "circle_id",
                principalTable: "quran_circles",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_sessions_private_lessons_lesson_id",
                table: "sessions");

            migrationBuilder.DropForeignKey(
                name: "fk_sessions_quran_circles_circle_id",
                table: "sessions");

            migrationBuilder.DropTable(
                name: "academy_recording_overrides");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "pending_egress_events");

            migrationBuilder.DropTable(
                name: "private_lessons");

            migrationBuilder.DropTable(
                name: "processed_webhook_events");

            migrationBuilder.DropTable(
                name: "quran_circle_students");

            migrationBuilder.DropTable(
                name: "recording_audit_entries");

            migrationBuilder.DropTable(
                name: "quran_circles");

            migrationBuilder.DropIndex(
                name: "ix_sessions_circle_id",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "ix_sessions_lesson_id",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "ix_recordings_academy_id_parent_id_started_at",
                table: "recordings");

            migrationBuilder.DropIndex(
                name: "ix_recordings_academy_id_teacher_id_started_at",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "circle_id",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "lesson_id",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "teacher_id",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "retention_days",
                table: "academies");
        }
    }
}
