using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Robots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters7",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.EnsureSchema(
                name: "robots");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at7",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id7",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id8");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at7",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id7",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id8");

            migrationBuilder.AddColumn<bool>(
                name: "stock_arrival_announced",
                schema: "integrations",
                table: "order_fulfilments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters8",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.CreateTable(
                name: "bot_jobs",
                schema: "robots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bot_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    bot_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    parameters = table.Column<string>(type: "jsonb", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    order_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    source_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    is_test = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outputs = table.Column<string>(type: "jsonb", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bot_runs",
                schema: "robots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bot_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    worker = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    is_test = table.Column<bool>(type: "boolean", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    steps = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bot_screenshots",
                schema: "robots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    image = table.Column<byte[]>(type: "bytea", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_screenshots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bots",
                schema: "robots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    live_version = table.Column<int>(type: "integer", nullable: false),
                    draft = table.Column<string>(type: "jsonb", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    protected_password = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "robots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    consumer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    error = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dead_lettered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letters7", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "robots",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages7", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "robots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    causation_depth = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages7", x => x.id);
                })
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.CreateTable(
                name: "bot_versions",
                schema: "robots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    definition = table.Column<string>(type: "jsonb", nullable: false),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_bot_versions_bots_bot_id",
                        column: x => x.bot_id,
                        principalSchema: "robots",
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bot_jobs_order_id",
                schema: "robots",
                table: "bot_jobs",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_bot_jobs_source_key",
                schema: "robots",
                table: "bot_jobs",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bot_jobs_state_due_at",
                schema: "robots",
                table: "bot_jobs",
                columns: new[] { "state", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bot_jobs_task_id",
                schema: "robots",
                table: "bot_jobs",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_bot_runs_bot_id_started_at",
                schema: "robots",
                table: "bot_runs",
                columns: new[] { "bot_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bot_runs_job_id",
                schema: "robots",
                table: "bot_runs",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_bot_runs_order_id",
                schema: "robots",
                table: "bot_runs",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_bot_screenshots_run_id",
                schema: "robots",
                table: "bot_screenshots",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_bot_screenshots_taken_at",
                schema: "robots",
                table: "bot_screenshots",
                column: "taken_at");

            migrationBuilder.CreateIndex(
                name: "ix_bot_versions_bot_id_number",
                schema: "robots",
                table: "bot_versions",
                columns: new[] { "bot_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bots_key",
                schema: "robots",
                table: "bots",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id7",
                schema: "robots",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at7",
                schema: "robots",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id7",
                schema: "robots",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at7",
                schema: "robots",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bot_jobs",
                schema: "robots");

            migrationBuilder.DropTable(
                name: "bot_runs",
                schema: "robots");

            migrationBuilder.DropTable(
                name: "bot_screenshots",
                schema: "robots");

            migrationBuilder.DropTable(
                name: "bot_versions",
                schema: "robots");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "robots");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "robots");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "robots");

            migrationBuilder.DropTable(
                name: "bots",
                schema: "robots");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters8",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropColumn(
                name: "stock_arrival_announced",
                schema: "integrations",
                table: "order_fulfilments");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at8",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id8",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id7");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at8",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id8",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id7");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters7",
                schema: "sales",
                table: "dead_letters",
                column: "id");
        }
    }
}
