using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages1",
                schema: "identity",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages",
                schema: "customers",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters3",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters2",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters1",
                schema: "identity",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters",
                schema: "customers",
                table: "dead_letters");

            migrationBuilder.EnsureSchema(
                name: "activities");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at3",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at2",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at1");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at3",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at2",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "customers",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id3",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id4");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id2",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id3");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id1",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id2");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id",
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

            migrationBuilder.CreateTable(
                name: "approvals",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    link_kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    link_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    correlation_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approvals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "activities",
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
                    table.PrimaryKey("pk_dead_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "activities",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_read = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    priority = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    link_kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    link_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approvals_correlation_key",
                schema: "activities",
                table: "approvals",
                column: "correlation_key",
                unique: true,
                filter: "correlation_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_approvals_status",
                schema: "activities",
                table: "approvals",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id",
                schema: "activities",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "activities",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_is_read_created_at",
                schema: "activities",
                table: "notifications",
                columns: new[] { "user_id", "is_read", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                schema: "activities",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "activities",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_assignee_id_status_due_date",
                schema: "activities",
                table: "tasks",
                columns: new[] { "assignee_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_link_kind_link_id",
                schema: "activities",
                table: "tasks",
                columns: new[] { "link_kind", "link_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approvals",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "tasks",
                schema: "activities");

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

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at4",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at3");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at3",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at2",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "customers",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at4",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at3");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at3",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at2",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "customers",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id4",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id3");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id3",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id2");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id2",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id1");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id1",
                schema: "customers",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages3",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "identity",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages",
                schema: "customers",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages3",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages1",
                schema: "identity",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages",
                schema: "customers",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters3",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters2",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters1",
                schema: "identity",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters",
                schema: "customers",
                table: "dead_letters",
                column: "id");
        }
    }
}
