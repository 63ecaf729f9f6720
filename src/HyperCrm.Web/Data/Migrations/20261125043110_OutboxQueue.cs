using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at6",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at5",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at4",
                schema: "integrations",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "integrations",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at3",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at2",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "automation",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "automation",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at",
                schema: "activities",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "activities",
                table: "outbox_messages");

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "sales")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "platform")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "integrations")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "identity")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "customers")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "automation")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "activities")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id6",
                schema: "sales",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "sales",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id5",
                schema: "platform",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "platform",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id4",
                schema: "integrations",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "integrations",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id3",
                schema: "identity",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "identity",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id2",
                schema: "customers",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "customers",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id1",
                schema: "automation",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "automation",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_id",
                schema: "activities",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "activities",
                table: "outbox_messages",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at_id6",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "sales",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at_id5",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "platform",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at_id4",
                schema: "integrations",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "integrations",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at_id3",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "identity",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at_id2",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "customers",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at_id1",
                schema: "automation",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "automation",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at_id",
                schema: "activities",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "activities",
                table: "outbox_messages");

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "sales")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "platform")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "integrations")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "identity")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "customers")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "automation")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.AlterTable(
                name: "outbox_messages",
                schema: "activities")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.01)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at6",
                schema: "sales",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at6",
                schema: "sales",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at5",
                schema: "platform",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at5",
                schema: "platform",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at4",
                schema: "integrations",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at4",
                schema: "integrations",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at3",
                schema: "identity",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at3",
                schema: "identity",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at2",
                schema: "customers",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at2",
                schema: "customers",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at1",
                schema: "automation",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at1",
                schema: "automation",
                table: "outbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                schema: "activities",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at",
                schema: "activities",
                table: "outbox_messages",
                column: "processed_at");
        }
    }
}
