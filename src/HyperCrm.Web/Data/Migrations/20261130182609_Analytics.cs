using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "robots",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages6",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "intelligence",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "integrations",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "automation",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "robots",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages6",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "intelligence",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "integrations",
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
                name: "pk_inbox_messages1",
                schema: "automation",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters8",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters7",
                schema: "robots",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters6",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters5",
                schema: "intelligence",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters4",
                schema: "integrations",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters3",
                schema: "identity",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters2",
                schema: "customers",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters1",
                schema: "automation",
                table: "dead_letters");

            migrationBuilder.EnsureSchema(
                name: "analytics");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at8",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at9");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id8",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id9");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at7",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id7",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id6",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "intelligence",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id5",
                schema: "intelligence",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "integrations",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id4",
                schema: "integrations",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id3",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id2",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "automation",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id1",
                schema: "automation",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id2");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at8",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at9");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at7",
                schema: "robots",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at6",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at5",
                schema: "intelligence",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at4",
                schema: "integrations",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at3",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at2",
                schema: "customers",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "automation",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id8",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id9");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id7",
                schema: "robots",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id8");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id6",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id7");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id5",
                schema: "intelligence",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id6");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id4",
                schema: "integrations",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id5");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id3",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id4");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id2",
                schema: "customers",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id3");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id1",
                schema: "automation",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id2");

            migrationBuilder.CreateSequence(
                name: "events_seq",
                schema: "analytics");

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
                name: "pk_outbox_messages6",
                schema: "intelligence",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "integrations",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "identity",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "customers",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "automation",
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
                name: "pk_inbox_messages6",
                schema: "intelligence",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "integrations",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "identity",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "customers",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "automation",
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

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters6",
                schema: "intelligence",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters5",
                schema: "integrations",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters4",
                schema: "identity",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters3",
                schema: "customers",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters2",
                schema: "automation",
                table: "dead_letters",
                column: "id");

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "analytics",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    object_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    label = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_activity = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    last_activity = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    variant = table.Column<string>(type: "text", nullable: false),
                    events = table.Column<int>(type: "integer", nullable: false),
                    human_steps = table.Column<int>(type: "integer", nullable: false),
                    automated_steps = table.Column<int>(type: "integer", nullable: false),
                    bot_ms = table.Column<long>(type: "bigint", nullable: false),
                    connector_calls = table.Column<int>(type: "integer", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    shipped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "analytics",
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
                name: "edge_stats",
                schema: "analytics",
                columns: table => new
                {
                    case_month = table.Column<DateOnly>(type: "date", nullable: false),
                    partnered = table.Column<bool>(type: "boolean", nullable: false),
                    from_activity = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    to_activity = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    seconds = table.Column<double>(type: "double precision", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_edge_stats", x => new { x.case_month, x.partnered, x.from_activity, x.to_activity, x.seconds });
                });

            // The event log is partitioned by month on occurred_at (EventLogPartitions adds each month's partition before its
            // first entry); EF Core cannot say so, hence SQL. Columns as the model maps them.
            migrationBuilder.Sql("""
                CREATE TABLE analytics.events (
                    id uuid NOT NULL,
                    occurred_at timestamp with time zone NOT NULL,
                    seq bigint NOT NULL DEFAULT nextval('analytics.events_seq'),
                    object_type character varying(20) NOT NULL,
                    case_id uuid NOT NULL,
                    case_label character varying(40),
                    activity character varying(120) NOT NULL,
                    resource character varying(200),
                    resource_kind character varying(20) NOT NULL,
                    duration_ms bigint,
                    outcome character varying(20),
                    order_id uuid,
                    customer_id uuid,
                    partner_id uuid,
                    source character varying(60) NOT NULL,
                    prev_activity character varying(120),
                    prev_at timestamp with time zone,
                    case_started_at timestamp with time zone NOT NULL,
                    CONSTRAINT pk_events PRIMARY KEY (id, occurred_at)
                ) PARTITION BY RANGE (occurred_at);
                """);

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "analytics",
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
                schema: "analytics",
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
                })
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.CreateIndex(
                name: "ix_cases_object_type_started_at",
                schema: "analytics",
                table: "cases",
                columns: new[] { "object_type", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id1",
                schema: "analytics",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_case_id_occurred_at_activity",
                schema: "analytics",
                table: "events",
                columns: new[] { "case_id", "occurred_at", "activity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_object_type_case_started_at",
                schema: "analytics",
                table: "events",
                columns: new[] { "object_type", "case_started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_order_id",
                schema: "analytics",
                table: "events",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "analytics",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id1",
                schema: "analytics",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "analytics",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "edge_stats",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "events",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "analytics");

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
                name: "pk_outbox_messages6",
                schema: "intelligence",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "integrations",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "automation",
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
                name: "pk_inbox_messages6",
                schema: "intelligence",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "integrations",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "identity",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "customers",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "automation",
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

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters6",
                schema: "intelligence",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters5",
                schema: "integrations",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters4",
                schema: "identity",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters3",
                schema: "customers",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters2",
                schema: "automation",
                table: "dead_letters");

            migrationBuilder.DropSequence(
                name: "events_seq",
                schema: "analytics");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at9",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id9",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id8");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at8",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id8",
                schema: "robots",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at7",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id7",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "intelligence",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id6",
                schema: "intelligence",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "integrations",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id5",
                schema: "integrations",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id4",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id3",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "automation",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id2",
                schema: "automation",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id1");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at9",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at8");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at8",
                schema: "robots",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at7",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at6",
                schema: "intelligence",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at5",
                schema: "integrations",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at4",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at3",
                schema: "customers",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at2",
                schema: "automation",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id9",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id8");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id8",
                schema: "robots",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id7");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id7",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id6");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id6",
                schema: "intelligence",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id5");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id5",
                schema: "integrations",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id4");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id4",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id3");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id3",
                schema: "customers",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id2");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id2",
                schema: "automation",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id1");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages8",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "robots",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages6",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "intelligence",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "integrations",
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
                name: "pk_outbox_messages1",
                schema: "automation",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages8",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "robots",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages6",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "intelligence",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "integrations",
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
                name: "pk_inbox_messages1",
                schema: "automation",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters8",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters7",
                schema: "robots",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters6",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters5",
                schema: "intelligence",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters4",
                schema: "integrations",
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

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters1",
                schema: "automation",
                table: "dead_letters",
                column: "id");
        }
    }
}
