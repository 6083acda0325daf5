using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkoutTracker.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class BodyMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "body_map_weeks",
                columns: table => new
                {
                    athlete_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_map_weeks", x => new { x.athlete_id, x.week_start });
                    table.ForeignKey(
                        name: "fk_body_map_weeks_users_athlete_id",
                        column: x => x.athlete_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "body_map_muscles",
                columns: table => new
                {
                    athlete_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    muscle = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    hard_sets = table.Column<decimal>(type: "numeric(9,1)", precision: 9, scale: 1, nullable: false),
                    total_reps = table.Column<decimal>(type: "numeric(10,1)", precision: 10, scale: 1, nullable: false),
                    volume_load_kg = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_map_muscles", x => new { x.athlete_id, x.week_start, x.muscle });
                    table.ForeignKey(
                        name: "fk_body_map_muscles_body_map_weeks_athlete_id_week_start",
                        columns: x => new { x.athlete_id, x.week_start },
                        principalTable: "body_map_weeks",
                        principalColumns: new[] { "athlete_id", "week_start" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "body_map_muscles");

            migrationBuilder.DropTable(
                name: "body_map_weeks");
        }
    }
}
