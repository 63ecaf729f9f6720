using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages1",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages",
                schema: "identity",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters1",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters",
                schema: "identity",
                table: "dead_letters");

            migrationBuilder.EnsureSchema(
                name: "customers");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at2");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at1");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at2");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id1",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id2");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id1");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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
                name: "pk_dead_letters2",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters1",
                schema: "identity",
                table: "dead_letters",
                column: "id");

            migrationBuilder.CreateTable(
                name: "customers",
                schema: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    marketing_consent = table.Column<bool>(type: "boolean", nullable: false),
                    consent_source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    consent_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    partner_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "customers",
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
                schema: "customers",
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
                name: "outbox_messages",
                schema: "customers",
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
                name: "timeline_entries",
                schema: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    module = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    actor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reference_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reference_url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_company_id",
                schema: "customers",
                table: "customers",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_email_trgm",
                schema: "customers",
                table: "customers",
                column: "email",
                filter: "email IS NOT NULL AND merged_into_id IS NULL")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_name_trgm",
                schema: "customers",
                table: "customers",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_partner_ids",
                schema: "customers",
                table: "customers",
                column: "partner_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_customers_phone",
                schema: "customers",
                table: "customers",
                column: "phone",
                filter: "phone IS NOT NULL AND merged_into_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_tags",
                schema: "customers",
                table: "customers",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id",
                schema: "customers",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "customers",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                schema: "customers",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "customers",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_timeline_entries_customer_id_at",
                schema: "customers",
                table: "timeline_entries",
                columns: new[] { "customer_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "timeline_entries",
                schema: "customers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages2",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages2",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages1",
                schema: "identity",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters2",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters1",
                schema: "identity",
                table: "dead_letters");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at2",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at1");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "identity",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at2",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at1");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at1",
                schema: "identity",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id2",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id1");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id1",
                schema: "identity",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages1",
                schema: "platform",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages",
                schema: "identity",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages1",
                schema: "platform",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_inbox_messages",
                schema: "identity",
                table: "inbox_messages",
                columns: new[] { "event_id", "consumer" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters1",
                schema: "platform",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters",
                schema: "identity",
                table: "dead_letters",
                column: "id");
        }
    }
}
