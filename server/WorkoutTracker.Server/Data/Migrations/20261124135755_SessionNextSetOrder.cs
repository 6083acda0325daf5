using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkoutTracker.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionNextSetOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "next_set_order",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            // Sessions logged before this column existed continue after their last set.
            migrationBuilder.Sql("""
                UPDATE sessions s SET next_set_order = COALESCE((SELECT max(x."order") FROM sets x WHERE x.session_id = s.id), 0) + 1
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "next_set_order",
                table: "sessions");
        }
    }
}
