using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StockArrivalIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_order_fulfilments_waiting_for_stock",
                schema: "integrations",
                table: "order_fulfilments",
                column: "updated_at",
                filter: "NOT reserved AND missing_stock IS NOT NULL AND NOT stock_arrival_announced AND NOT erp_order_closed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_order_fulfilments_waiting_for_stock",
                schema: "integrations",
                table: "order_fulfilments");
        }
    }
}
