using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages9",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "robots",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages9",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "robots",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters9",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters8",
                schema: "robots",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters7",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.EnsureSchema(
                name: "operations");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at9",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at10");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id9",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id10");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at8",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at9");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id8",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id9");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at7",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id7",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id8");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at9",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at10");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at8",
                schema: "robots",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at9");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at7",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id9",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id10");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id8",
                schema: "robots",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id9");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id7",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id8");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages10",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages9",
                schema: "robots",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages10",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages9",
                schema: "robots",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters10",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters9",
                schema: "robots",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters8",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.CreateTable(
                name: "alert_breaches",
                schema: "operations",
                columns: table => new
                {
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_breaches", x => new { x.rule_id, x.subject });
                });

            migrationBuilder.CreateTable(
                name: "alert_rules",
                schema: "operations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    threshold = table.Column<double>(type: "double precision", nullable: false),
                    for_minutes = table.Column<int>(type: "integer", nullable: false),
                    email = table.Column<bool>(type: "boolean", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                schema: "operations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    threshold = table.Column<double>(type: "double precision", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    notified = table.Column<int>(type: "integer", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "connector_health",
                schema: "integrations",
                columns: table => new
                {
                    connector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    instance_id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    instance_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    calls = table.Column<long>(type: "bigint", nullable: false),
                    failures = table.Column<long>(type: "bigint", nullable: false),
                    recent_calls = table.Column<int>(type: "integer", nullable: false),
                    recent_failures = table.Column<int>(type: "integer", nullable: false),
                    last_success = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_failure = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    circuit_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connector_health", x => new { x.connector, x.instance_id });
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "operations",
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
                schema: "operations",
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
                name: "instances",
                schema: "operations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    host = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    process_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "job_outcomes",
                schema: "operations",
                columns: table => new
                {
                    job_group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    job_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seconds = table.Column<double>(type: "double precision", nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    instance_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    executions = table.Column<long>(type: "bigint", nullable: false),
                    failures = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_outcomes", x => new { x.job_group, x.job_name });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "operations",
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
                    causation_depth = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    trace_parent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages7", x => x.id);
                })
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.CreateTable(
                name: "paused_work",
                schema: "platform",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paused_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paused_work", x => new { x.kind, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_failed",
                schema: "integrations",
                table: "webhook_deliveries",
                column: "created_at",
                filter: "state = 'Failed'");

            migrationBuilder.CreateIndex(
                name: "ix_bot_runs_started_at",
                schema: "robots",
                table: "bot_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_fired_at",
                schema: "operations",
                table: "alerts",
                column: "fired_at");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_rule_id_subject",
                schema: "operations",
                table: "alerts",
                columns: new[] { "rule_id", "subject" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id7",
                schema: "operations",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at7",
                schema: "operations",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_instances_last_seen_at",
                schema: "operations",
                table: "instances",
                column: "last_seen_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id7",
                schema: "operations",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at7",
                schema: "operations",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_breaches",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "alert_rules",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "alerts",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "connector_health",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "instances",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "job_outcomes",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "operations");

            migrationBuilder.DropTable(
                name: "paused_work",
                schema: "platform");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_failed",
                schema: "integrations",
                table: "webhook_deliveries");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages10",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages9",
                schema: "robots",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages10",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages9",
                schema: "robots",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters10",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters9",
                schema: "robots",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters8",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.DropIndex(
                name: "ix_bot_runs_started_at",
                schema: "robots",
                table: "bot_runs");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at10",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at9");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id10",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id9");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at9",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id9",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at8",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id8",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id7");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at10",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at9");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at9",
                schema: "robots",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at8",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id10",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id9");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id9",
                schema: "robots",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id8");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id8",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id7");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages9",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "robots",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages9",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "robots",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters9",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters8",
                schema: "robots",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters7",
                schema: "platform",
                table: "dead_letters",
                column: "id");
        }
    }
}
