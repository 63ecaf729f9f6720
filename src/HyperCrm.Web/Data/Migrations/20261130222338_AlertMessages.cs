using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An alert's words become a message (a text key and its arguments); one written as plain text is kept verbatim.
            migrationBuilder.Sql("""
                ALTER TABLE operations.alerts ALTER COLUMN message TYPE jsonb USING jsonb_build_object('text', message);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE operations.alerts ALTER COLUMN message TYPE character varying(1000)
                USING left(coalesce(message->>'text', message->>'key', ''), 1000);
                """);
        }
    }
}
