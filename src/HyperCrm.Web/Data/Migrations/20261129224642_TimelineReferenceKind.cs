using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimelineReferenceKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reference_kind",
                schema: "customers",
                table: "timeline_entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // The links the domain used to build become what they pointed at; the web layer builds the links now.
            migrationBuilder.Sql("""
                UPDATE customers.timeline_entries SET reference_kind = CASE
                    WHEN reference_url LIKE '/Orders/%' THEN 'order'
                    WHEN reference_url LIKE '/Deals/%' THEN 'deal'
                    WHEN reference_url LIKE '/Work/Approvals%' THEN 'approval'
                    WHEN reference_url LIKE '/Work%' THEN 'task'
                    WHEN reference_url LIKE '/Customers/%' THEN 'customer'
                END
                WHERE reference_url IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "reference_url",
                schema: "customers",
                table: "timeline_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reference_url",
                schema: "customers",
                table: "timeline_entries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE customers.timeline_entries SET reference_url = CASE reference_kind
                    WHEN 'order' THEN '/Orders/Details?id=' || reference_id
                    WHEN 'deal' THEN '/Deals/Details?id=' || reference_id
                    WHEN 'approval' THEN '/Work/Approvals'
                    WHEN 'task' THEN '/Work'
                    WHEN 'customer' THEN '/Customers/Details?id=' || reference_id
                END
                WHERE reference_kind IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "reference_kind",
                schema: "customers",
                table: "timeline_entries");
        }
    }
}
