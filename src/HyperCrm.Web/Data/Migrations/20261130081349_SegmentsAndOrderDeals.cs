using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SegmentsAndOrderDeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "key",
                schema: "sales",
                table: "pipelines",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "order_id",
                schema: "sales",
                table: "deals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "segment",
                schema: "customers",
                table: "customers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "segment_reason",
                schema: "customers",
                table: "customers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_pipelines_key",
                schema: "sales",
                table: "pipelines",
                column: "key",
                unique: true,
                filter: "key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deals_order_id",
                schema: "sales",
                table: "deals",
                column: "order_id",
                unique: true,
                filter: "order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_segment",
                schema: "customers",
                table: "customers",
                column: "segment",
                filter: "segment IS NOT NULL AND merged_into_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pipelines_key",
                schema: "sales",
                table: "pipelines");

            migrationBuilder.DropIndex(
                name: "ix_deals_order_id",
                schema: "sales",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_customers_segment",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "key",
                schema: "sales",
                table: "pipelines");

            migrationBuilder.DropColumn(
                name: "order_id",
                schema: "sales",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "segment",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "segment_reason",
                schema: "customers",
                table: "customers");
        }
    }
}
