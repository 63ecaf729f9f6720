using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnerViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "possible_duplicate_of_id",
                schema: "customers",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partner_views",
                schema: "customers",
                columns: table => new
                {
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    address_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    marketing_consent = table.Column<bool>(type: "boolean", nullable: true),
                    consent_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_views", x => new { x.customer_id, x.partner_id });
                    table.ForeignKey(
                        name: "fk_partner_views_customers_customer_id",
                        column: x => x.customer_id,
                        principalSchema: "customers",
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every partner linked before gets a view of the name and contacts it could read then; never staff's notes.
            migrationBuilder.Sql("""
                INSERT INTO customers.partner_views (customer_id, partner_id, name, email, phone, creation_time, stamp)
                SELECT c.id, p.partner_id, c.name, c.email, c.phone, c.creation_time, md5(random()::text)
                FROM customers.customers c, unnest(c.partner_ids) AS p(partner_id)
                WHERE c.merged_into_id IS NULL
                ON CONFLICT DO NOTHING
                """);

            migrationBuilder.DropIndex(
                name: "ix_customers_partner_ids",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "partner_ids",
                schema: "customers",
                table: "customers");

            migrationBuilder.CreateIndex(
                name: "ix_customers_possible_duplicate_of_id",
                schema: "customers",
                table: "customers",
                column: "possible_duplicate_of_id",
                filter: "possible_duplicate_of_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_partner_views_partner_id",
                schema: "customers",
                table: "partner_views",
                column: "partner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partner_views",
                schema: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_possible_duplicate_of_id",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "possible_duplicate_of_id",
                schema: "customers",
                table: "customers");

            migrationBuilder.AddColumn<List<Guid>>(
                name: "partner_ids",
                schema: "customers",
                table: "customers",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.CreateIndex(
                name: "ix_customers_partner_ids",
                schema: "customers",
                table: "customers",
                column: "partner_ids")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
