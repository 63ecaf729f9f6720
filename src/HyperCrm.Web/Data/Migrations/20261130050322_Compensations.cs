using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Compensations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "compensated",
                schema: "automation",
                table: "runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ending",
                schema: "automation",
                table: "runs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "undo",
                schema: "automation",
                table: "runs",
                type: "character varying(4200)",
                maxLength: 4200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "undo_failed",
                schema: "automation",
                table: "runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "erp_order_closed",
                schema: "integrations",
                table: "order_fulfilments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "return_document_key",
                schema: "integrations",
                table: "order_fulfilments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_document_number",
                schema: "integrations",
                table: "order_fulfilments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "compensated",
                schema: "automation",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ending",
                schema: "automation",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "undo",
                schema: "automation",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "undo_failed",
                schema: "automation",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "erp_order_closed",
                schema: "integrations",
                table: "order_fulfilments");

            migrationBuilder.DropColumn(
                name: "return_document_key",
                schema: "integrations",
                table: "order_fulfilments");

            migrationBuilder.DropColumn(
                name: "return_document_number",
                schema: "integrations",
                table: "order_fulfilments");
        }
    }
}
