using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkoutTracker.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProfilesAndProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "athlete_profiles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    goal = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    days_per_week = table.Column<int>(type: "integer", nullable: false),
                    experience = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    equipment = table.Column<string[]>(type: "text[]", nullable: false),
                    session_minutes = table.Column<int>(type: "integer", nullable: false),
                    units = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    progression_version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_athlete_profiles", x => x.user_id);
                    table.CheckConstraint("ck_athlete_profiles_days", "days_per_week BETWEEN 2 AND 6");
                    table.CheckConstraint("ck_athlete_profiles_minutes", "session_minutes BETWEEN 20 AND 180");
                    table.ForeignKey(
                        name: "fk_athlete_profiles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_progress",
                columns: table => new
                {
                    athlete_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_progress", x => new { x.athlete_id, x.exercise_id });
                    table.ForeignKey(
                        name: "fk_exercise_progress_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exercise_progress_users_athlete_id",
                        column: x => x.athlete_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exercise_progress_exercise_id",
                table: "exercise_progress",
                column: "exercise_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "athlete_profiles");

            migrationBuilder.DropTable(
                name: "exercise_progress");
        }
    }
}
