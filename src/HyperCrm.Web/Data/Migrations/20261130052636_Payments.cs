using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "payment",
                schema: "sales",
                table: "orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_reason",
                schema: "sales",
                table: "orders",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_id",
                schema: "integrations",
                table: "order_fulfilments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_reason",
                schema: "integrations",
                table: "order_fulfilments",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_status",
                schema: "integrations",
                table: "order_fulfilments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_fulfilments_payment_id",
                schema: "integrations",
                table: "order_fulfilments",
                column: "payment_id",
                filter: "payment_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_order_fulfilments_payment_id",
                schema: "integrations",
                table: "order_fulfilments");

            migrationBuilder.DropColumn(
                name: "payment",
                schema: "sales",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "payment_reason",
                schema: "sales",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "payment_id",
                schema: "integrations",
                table: "order_fulfilments");

            migrationBuilder.DropColumn(
                name: "payment_reason",
                schema: "integrations",
                table: "order_fulfilments");

            migrationBuilder.DropColumn(
                name: "payment_status",
                schema: "integrations",
                table: "order_fulfilments");
        }
    }
}
