using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Automation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "identity",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages1",
                schema: "customers",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters4",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters3",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters2",
                schema: "identity",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters1",
                schema: "customers",
                table: "dead_letters");

            migrationBuilder.EnsureSchema(
                name: "automation");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at4",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at3",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at2",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at2");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at4",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at3",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at2",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "customers",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id4",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id5");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id3",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id4");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id2",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id3");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id1",
                schema: "customers",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id2");

            migrationBuilder.AddColumn<string>(
                name: "source_key",
                schema: "activities",
                table: "tasks",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "causation_depth",
                schema: "sales",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "causation_depth",
                schema: "platform",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "causation_depth",
                schema: "identity",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "causation_depth",
                schema: "customers",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "causation_depth",
                schema: "activities",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "source_key",
                schema: "activities",
                table: "notifications",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "identity",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "customers",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "identity",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "customers",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters5",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters4",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters3",
                schema: "identity",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters2",
                schema: "customers",
                table: "dead_letters",
                column: "id");

            migrationBuilder.CreateTable(
                name: "audit",
                schema: "automation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "automation",
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
                    table.PrimaryKey("pk_dead_letters1", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_log",
                schema: "automation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    values = table.Column<string>(type: "jsonb", nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "automation",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages1", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "automation",
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
                    table.PrimaryKey("pk_outbox_messages1", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rule_versions",
                schema: "automation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    definition = table.Column<string>(type: "jsonb", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rule_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rules",
                schema: "automation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    playbook_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    draft = table.Column<string>(type: "jsonb", nullable: false),
                    has_unpublished_changes = table.Column<bool>(type: "boolean", nullable: false),
                    is_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    active_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    active_version_number = table.Column<int>(type: "integer", nullable: true),
                    latest_version_number = table.Column<int>(type: "integer", nullable: false),
                    active_trigger = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "run_steps",
                schema: "automation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    step_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    input = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    output = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_steps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                schema: "automation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    trigger = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    pc = table.Column<int>(type: "integer", nullable: false),
                    current_step_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    wait_trigger = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    wait_correlation = table.Column<Guid>(type: "uuid", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    next_seq = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_source_key",
                schema: "activities",
                table: "tasks",
                column: "source_key",
                unique: true,
                filter: "source_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_source_key_user_id",
                schema: "activities",
                table: "notifications",
                columns: new[] { "source_key", "user_id" },
                unique: true,
                filter: "source_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_rule_id_at",
                schema: "automation",
                table: "audit",
                columns: new[] { "rule_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id1",
                schema: "automation",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_log_subject_id",
                schema: "automation",
                table: "event_log",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_log_trigger_occurred_at",
                schema: "automation",
                table: "event_log",
                columns: new[] { "trigger", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "automation",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "automation",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "automation",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_rule_versions_rule_id_number",
                schema: "automation",
                table: "rule_versions",
                columns: new[] { "rule_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rules_active_trigger",
                schema: "automation",
                table: "rules",
                column: "active_trigger",
                filter: "is_enabled");

            migrationBuilder.CreateIndex(
                name: "ix_rules_name",
                schema: "automation",
                table: "rules",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rules_playbook_key",
                schema: "automation",
                table: "rules",
                column: "playbook_key",
                unique: true,
                filter: "playbook_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_run_steps_run_id_seq",
                schema: "automation",
                table: "run_steps",
                columns: new[] { "run_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_runs_next_attempt_at",
                schema: "automation",
                table: "runs",
                column: "next_attempt_at",
                filter: "next_attempt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_runs_rule_id_event_id",
                schema: "automation",
                table: "runs",
                columns: new[] { "rule_id", "event_id" },
                unique: true,
                filter: "event_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_runs_rule_id_started_at",
                schema: "automation",
                table: "runs",
                columns: new[] { "rule_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_runs_state_started_at",
                schema: "automation",
                table: "runs",
                columns: new[] { "state", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_runs_subject_id",
                schema: "automation",
                table: "runs",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_runs_wait_trigger_wait_correlation",
                schema: "automation",
                table: "runs",
                columns: new[] { "wait_trigger", "wait_correlation" },
                filter: "wait_trigger IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "event_log",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "rule_versions",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "rules",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "run_steps",
                schema: "automation");

            migrationBuilder.DropTable(
                name: "runs",
                schema: "automation");

            migrationBuilder.DropIndex(
                name: "ix_tasks_source_key",
                schema: "activities",
                table: "tasks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_notifications_source_key_user_id",
                schema: "activities",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "identity",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "customers",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters5",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters4",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters3",
                schema: "identity",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters2",
                schema: "customers",
                table: "dead_letters");

            migrationBuilder.DropColumn(
                name: "source_key",
                schema: "activities",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "causation_depth",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "causation_depth",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "causation_depth",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "causation_depth",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "causation_depth",
                schema: "activities",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "source_key",
                schema: "activities",
                table: "notifications");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at5",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at4",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at3",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at2",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at1");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at5",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at4",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at3",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at2",
                schema: "customers",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id5",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id4");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id4",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id3");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id3",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id2");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id2",
                schema: "customers",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id1");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "identity",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "customers",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "identity",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages1",
                schema: "customers",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters4",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters3",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters2",
                schema: "identity",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters1",
                schema: "customers",
                table: "dead_letters",
                column: "id");
        }
    }
}
