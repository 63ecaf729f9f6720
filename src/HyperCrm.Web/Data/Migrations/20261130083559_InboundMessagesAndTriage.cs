using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboundMessagesAndTriage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_messages",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    from_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    from_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    from_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handled = table.Column<bool>(type: "boolean", nullable: false),
                    intent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    intent_confidence = table.Column<double>(type: "double precision", nullable: true),
                    sentiment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    triaged_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "message_triages",
                schema: "intelligence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    intent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    intent_confidence = table.Column<double>(type: "double precision", nullable: false),
                    sentiment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sentiment_confidence = table.Column<double>(type: "double precision", nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    model = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    low_confidence = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_triages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_customer_id",
                schema: "activities",
                table: "inbound_messages",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_handled_received_at",
                schema: "activities",
                table: "inbound_messages",
                columns: new[] { "handled", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_partner_id_external_id",
                schema: "activities",
                table: "inbound_messages",
                columns: new[] { "partner_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_message_triages_message_id",
                schema: "intelligence",
                table: "message_triages",
                column: "message_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_messages",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "message_triages",
                schema: "intelligence");
        }
    }
}
