using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Integrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages5",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages4",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages5",
                schema: "sales",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_inbox_messages4",
                schema: "platform",
                table: "inbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters5",
                schema: "sales",
                table: "dead_letters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_dead_letters4",
                schema: "platform",
                table: "dead_letters");

            migrationBuilder.EnsureSchema(
                name: "integrations");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at5",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at6");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at4",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at5");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at5",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at6");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at4",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id5",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id6");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id4",
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

            migrationBuilder.CreateTable(
                name: "connectors",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    base_url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    protected_secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connectors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letters",
                schema: "integrations",
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
                    table.PrimaryKey("pk_dead_letters4", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "erp_counterparties",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ref_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erp_counterparties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_webhooks",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    webhook_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_type = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    headers = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_webhooks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "integrations",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages4", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "order_fulfilments",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    erp_order_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    erp_order_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    reserved = table.Column<bool>(type: "boolean", nullable: false),
                    missing_stock = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    pick_task_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    pick_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    pick_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    courier_provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    tracking_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    waybill = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    shipment_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    sale_document_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sale_document_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_fulfilments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "integrations",
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
                    table.PrimaryKey("pk_outbox_messages4", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_attempts",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    milliseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    event_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    events = table.Column<List<string>>(type: "text[]", nullable: false),
                    protected_secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    disabled_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_subscriptions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_connectors_name",
                schema: "integrations",
                table: "connectors",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_event_id4",
                schema: "integrations",
                table: "dead_letters",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_webhooks_channel_source_webhook_id",
                schema: "integrations",
                table: "inbound_webhooks",
                columns: new[] { "channel", "source", "webhook_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_webhooks_received_at",
                schema: "integrations",
                table: "inbound_webhooks",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at4",
                schema: "integrations",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_order_fulfilments_pick_checked_at",
                schema: "integrations",
                table: "order_fulfilments",
                column: "pick_checked_at",
                filter: "pick_status = 'open'");

            migrationBuilder.CreateIndex(
                name: "ix_order_fulfilments_tracking_number",
                schema: "integrations",
                table: "order_fulfilments",
                column: "tracking_number",
                filter: "tracking_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at4",
                schema: "integrations",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "integrations",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_attempts_delivery_id_number",
                schema: "integrations",
                table: "webhook_attempts",
                columns: new[] { "delivery_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_next_attempt_at",
                schema: "integrations",
                table: "webhook_deliveries",
                column: "next_attempt_at",
                filter: "next_attempt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_partner_id_created_at",
                schema: "integrations",
                table: "webhook_deliveries",
                columns: new[] { "partner_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_event_key",
                schema: "integrations",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "event_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_partner_id",
                schema: "integrations",
                table: "webhook_subscriptions",
                column: "partner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "connectors",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "dead_letters",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "erp_counterparties",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "inbound_webhooks",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "order_fulfilments",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "webhook_attempts",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions",
                schema: "integrations");

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
                newName: "ix_outbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at6",
                schema: "sales",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at5");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_next_attempt_at5",
                schema: "platform",
                table: "outbox_messages",
                newName: "ix_outbox_messages_next_attempt_at4");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at6",
                schema: "sales",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at5");

            migrationBuilder.RenameIndex(
                name: "ix_inbox_messages_processed_at5",
                schema: "platform",
                table: "inbox_messages",
                newName: "ix_inbox_messages_processed_at4");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id6",
                schema: "sales",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id5");

            migrationBuilder.RenameIndex(
                name: "ix_dead_letters_event_id5",
                schema: "platform",
                table: "dead_letters",
                newName: "ix_dead_letters_event_id4");

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
                name: "pk_dead_letters5",
                schema: "sales",
                table: "dead_letters",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_dead_letters4",
                schema: "platform",
                table: "dead_letters",
                column: "id");
        }
    }
}
