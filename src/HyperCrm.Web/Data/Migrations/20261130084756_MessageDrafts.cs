using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "draft_reply",
                schema: "activities",
                table: "inbound_messages",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "draft_source",
                schema: "activities",
                table: "inbound_messages",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "draft_reply",
                schema: "activities",
                table: "inbound_messages");

            migrationBuilder.DropColumn(
                name: "draft_source",
                schema: "activities",
                table: "inbound_messages");
        }
    }
}
