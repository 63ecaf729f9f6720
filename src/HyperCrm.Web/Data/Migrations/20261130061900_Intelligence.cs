using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Intelligence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "intelligence");

            migrationBuilder.AddColumn<string>(
                name: "risk_model",
                schema: "sales",
                table: "orders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "risk_reasons",
                schema: "sales",
                table: "orders",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<decimal>(
                name: "risk_score",
                schema: "sales",
                table: "orders",
                type: "numeric(5,4)",
                precision: 5,
                scale: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "order_risk_scores",
                schema: "intelligence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model_version = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    risky = table.Column<bool>(type: "boolean", nullable: false),
                    inputs = table.Column<string>(type: "jsonb", nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_risk_scores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_labels",
                schema: "intelligence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fraud = table.Column<bool>(type: "boolean", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    inputs = table.Column<string>(type: "jsonb", nullable: false),
                    overridden_model_version = table.Column<int>(type: "integer", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_labels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_models",
                schema: "intelligence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    trained_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trained_on = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    examples = table.Column<int>(type: "integer", nullable: false),
                    held_out = table.Column<int>(type: "integer", nullable: false),
                    auc = table.Column<double>(type: "double precision", nullable: false),
                    precision = table.Column<double>(type: "double precision", nullable: false),
                    recall = table.Column<double>(type: "double precision", nullable: false),
                    threshold = table.Column<double>(type: "double precision", nullable: false),
                    training_seconds = table.Column<double>(type: "double precision", nullable: false),
                    promoted = table.Column<bool>(type: "boolean", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    concurrency_stamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_models", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_order_risk_scores_order_id_at",
                schema: "intelligence",
                table: "order_risk_scores",
                columns: new[] { "order_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_labels_order_id_at",
                schema: "intelligence",
                table: "risk_labels",
                columns: new[] { "order_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_models_promoted",
                schema: "intelligence",
                table: "risk_models",
                column: "promoted",
                unique: true,
                filter: "promoted");

            migrationBuilder.CreateIndex(
                name: "ix_risk_models_version",
                schema: "intelligence",
                table: "risk_models",
                column: "version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_risk_scores",
                schema: "intelligence");

            migrationBuilder.DropTable(
                name: "risk_labels",
                schema: "intelligence");

            migrationBuilder.DropTable(
                name: "risk_models",
                schema: "intelligence");

            migrationBuilder.DropColumn(
                name: "risk_model",
                schema: "sales",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "risk_reasons",
                schema: "sales",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "risk_score",
                schema: "sales",
                table: "orders");
        }
    }
}
