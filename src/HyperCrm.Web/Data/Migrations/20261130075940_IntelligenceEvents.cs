using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class IntelligenceEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages6",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages6",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters6",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters5",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id6",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id7");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id5",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id6");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at6",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at7");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at5",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id6",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id7");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id5",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id6");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages6",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages6",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters7",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters6",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "intelligence",
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
                    table.PrimaryKey("pk_dead_letters5", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "intelligence",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages5", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "intelligence",
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
                    table.PrimaryKey("pk_outbox_messages5", x => x.id);
                })
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id5",
                schema: "intelligence",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at5",
                schema: "intelligence",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id5",
                schema: "intelligence",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "intelligence",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "intelligence");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "intelligence");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "intelligence");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages7",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages6",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages7",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages6",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters7",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters6",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at7",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id7",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at_id6",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at_id5");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at7",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at6",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id7",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id6");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id6",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id5");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages6",
                schema: "sales",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages6",
                schema: "sales",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters6",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters5",
                schema: "platform",
                table: "dead_letters",
                column: "id");
        }
    }
}
