using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <summary>System sentences become messages (a text key and arguments, as jsonb), worded for the reader.</summary>
    public partial class Messages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sentences stored before messages existed are kept, verbatim, as {"text": ...}.
            migrationBuilder.Sql(
                "ALTER TABLE customers.timeline_entries ALTER COLUMN title TYPE jsonb USING CASE WHEN title IS NULL THEN NULL ELSE jsonb_build_object('text', title) END;");
            migrationBuilder.Sql(
                "ALTER TABLE customers.timeline_entries ALTER COLUMN reason TYPE jsonb USING CASE WHEN reason IS NULL THEN NULL ELSE jsonb_build_object('text', reason) END;");
            migrationBuilder.Sql(
                "ALTER TABLE automation.runs ALTER COLUMN summary TYPE jsonb USING CASE WHEN summary IS NULL THEN NULL ELSE jsonb_build_object('text', summary) END;");
            migrationBuilder.Sql(
                "ALTER TABLE automation.runs ALTER COLUMN last_error TYPE jsonb USING CASE WHEN last_error IS NULL THEN NULL ELSE jsonb_build_object('text', last_error) END;");
            migrationBuilder.Sql(
                "ALTER TABLE automation.run_steps ALTER COLUMN reason TYPE jsonb USING CASE WHEN reason IS NULL THEN NULL ELSE jsonb_build_object('text', reason) END;");
            migrationBuilder.Sql(
                "ALTER TABLE sales.order_steps ALTER COLUMN reason TYPE jsonb USING CASE WHEN reason IS NULL THEN NULL ELSE jsonb_build_object('text', reason) END;");
            migrationBuilder.Sql(
                "ALTER TABLE activities.notifications ALTER COLUMN title TYPE jsonb USING CASE WHEN title IS NULL THEN NULL ELSE jsonb_build_object('text', title) END;");
            migrationBuilder.Sql(
                "ALTER TABLE automation.event_log ALTER COLUMN summary TYPE jsonb USING CASE WHEN summary IS NULL THEN NULL ELSE jsonb_build_object('text', summary) END;");
            migrationBuilder.Sql(
                "ALTER TABLE automation.audit ALTER COLUMN details TYPE jsonb USING CASE WHEN details IS NULL THEN NULL ELSE jsonb_build_object('text', details) END;");
            migrationBuilder.Sql(
                "ALTER TABLE integrations.inbound_webhooks ALTER COLUMN result TYPE jsonb USING CASE WHEN result IS NULL THEN NULL ELSE jsonb_build_object('text', result) END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "ALTER TABLE customers.timeline_entries ALTER COLUMN title TYPE character varying(300) USING left(coalesce(title->>'text', title->>'key'), 300);");
            migrationBuilder.Sql(
                "ALTER TABLE customers.timeline_entries ALTER COLUMN reason TYPE character varying(1000) USING left(coalesce(reason->>'text', reason->>'key'), 1000);");
            migrationBuilder.Sql(
                "ALTER TABLE automation.runs ALTER COLUMN summary TYPE character varying(300) USING left(coalesce(summary->>'text', summary->>'key'), 300);");
            migrationBuilder.Sql(
                "ALTER TABLE automation.runs ALTER COLUMN last_error TYPE character varying(2000) USING left(coalesce(last_error->>'text', last_error->>'key'), 2000);");
            migrationBuilder.Sql(
                "ALTER TABLE automation.run_steps ALTER COLUMN reason TYPE character varying(2000) USING left(coalesce(reason->>'text', reason->>'key'), 2000);");
            migrationBuilder.Sql(
                "ALTER TABLE sales.order_steps ALTER COLUMN reason TYPE character varying(500) USING left(coalesce(reason->>'text', reason->>'key'), 500);");
            migrationBuilder.Sql(
                "ALTER TABLE activities.notifications ALTER COLUMN title TYPE character varying(300) USING left(coalesce(title->>'text', title->>'key'), 300);");
            migrationBuilder.Sql(
                "ALTER TABLE automation.event_log ALTER COLUMN summary TYPE character varying(300) USING left(coalesce(summary->>'text', summary->>'key'), 300);");
            migrationBuilder.Sql(
                "ALTER TABLE automation.audit ALTER COLUMN details TYPE character varying(2000) USING left(coalesce(details->>'text', details->>'key'), 2000);");
            migrationBuilder.Sql(
                "ALTER TABLE integrations.inbound_webhooks ALTER COLUMN result TYPE character varying(1000) USING left(coalesce(result->>'text', result->>'key'), 1000);");
        }
    }
}
