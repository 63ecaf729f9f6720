using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailboxCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inbound_messages_partner_id_external_id",
                schema: "activities",
                table: "inbound_messages");

            migrationBuilder.CreateTable(
                name: "mailbox_cursors",
                schema: "integrations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mailbox_cursors", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_partner_id_external_id",
                schema: "activities",
                table: "inbound_messages",
                columns: new[] { "partner_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mailbox_cursors",
                schema: "integrations");

            migrationBuilder.DropIndex(
                name: "ix_inbound_messages_partner_id_external_id",
                schema: "activities",
                table: "inbound_messages");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_partner_id_external_id",
                schema: "activities",
                table: "inbound_messages",
                columns: new[] { "partner_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");
        }
    }
}
