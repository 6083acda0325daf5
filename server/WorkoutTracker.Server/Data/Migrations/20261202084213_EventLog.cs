using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkoutTracker.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    xid = table.Column<ulong>(type: "xid8", nullable: false, defaultValueSql: "pg_current_xact_id()"),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    athlete_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    session_version = table.Column<int>(type: "integer", nullable: true),
                    body_map_week_start = table.Column<DateOnly>(type: "date", nullable: true),
                    body_map_version = table.Column<int>(type: "integer", nullable: true),
                    coach_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_log_occurred_at",
                table: "event_log",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_event_log_xid_id",
                table: "event_log",
                columns: new[] { "xid", "id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_log");
        }
    }
}
