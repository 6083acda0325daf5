using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkoutTracker.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordsFromIndexedE1rm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The e1RM rule of Progression/OneRepMax.cs and the chart of Progression/RpeTable.cs, in SQL, so the
            // set's row holds its e1RM (a stored generated column, kept in the set's own transaction).
            // OneRepMaxSqlTests checks both give the same value.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION set_epley(load numeric, reps integer) RETURNS numeric
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE WHEN reps <= 0 THEN 0 WHEN reps = 1 THEN load ELSE round(load * (30 + reps) / 30, 2) END
                $$;

                CREATE OR REPLACE FUNCTION set_e1rm(load numeric, reps integer, rpe numeric) RETURNS numeric
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE
                        WHEN reps <= 0 OR load <= 0 THEN 0
                        WHEN rpe IS NOT NULL AND reps BETWEEN 1 AND 12 AND ceil(rpe * 2) / 2 BETWEEN 6 AND 10
                            THEN round(load / (ARRAY[[1.000,0.955,0.922,0.892,0.863,0.837,0.811,0.786,0.762,0.739,0.707,0.680],[0.978,0.939,0.907,0.878,0.850,0.824,0.799,0.774,0.751,0.723,0.694,0.667],[0.955,0.922,0.892,0.863,0.837,0.811,0.786,0.762,0.739,0.707,0.680,0.653],[0.939,0.907,0.878,0.850,0.824,0.799,0.774,0.751,0.723,0.694,0.667,0.640],[0.922,0.892,0.863,0.837,0.811,0.786,0.762,0.739,0.707,0.680,0.653,0.626],[0.907,0.878,0.850,0.824,0.799,0.774,0.751,0.723,0.694,0.667,0.640,0.613],[0.892,0.863,0.837,0.811,0.786,0.762,0.739,0.707,0.680,0.653,0.626,0.599],[0.878,0.850,0.824,0.799,0.774,0.751,0.723,0.694,0.667,0.640,0.613,0.586],[0.863,0.837,0.811,0.786,0.762,0.739,0.707,0.680,0.653,0.626,0.599,0.573]]::numeric[])[((10 - ceil(rpe * 2) / 2) * 2)::integer + 1][reps], 2)
                        ELSE set_epley(load, reps + CASE WHEN rpe IS NULL THEN 0 ELSE greatest(0, floor(10 - rpe))::integer END)
                    END
                $$;
                """);

            migrationBuilder.AddColumn<decimal>(
                name: "e1rm_kg",
                table: "sets",
                type: "numeric(8,2)",
                precision: 8,
                scale: 2,
                nullable: false,
                computedColumnSql: "set_e1rm(load_kg, reps, rpe)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_sets_record_e1rm",
                table: "sets",
                columns: new[] { "athlete_id", "exercise_id", "e1rm_kg", "performed_at", "order" },
                descending: new[] { false, false, true, false, false },
                filter: "NOT is_warmup AND reps > 0");

            migrationBuilder.CreateIndex(
                name: "ix_sets_record_load",
                table: "sets",
                columns: new[] { "athlete_id", "exercise_id", "load_kg", "performed_at", "order" },
                descending: new[] { false, false, true, false, false },
                filter: "NOT is_warmup AND reps > 0");

            migrationBuilder.CreateIndex(
                name: "ix_sets_record_reps",
                table: "sets",
                columns: new[] { "athlete_id", "exercise_id", "reps", "load_kg", "performed_at", "order" },
                descending: new[] { false, false, true, true, false, false },
                filter: "NOT is_warmup AND reps > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sets_record_e1rm",
                table: "sets");

            migrationBuilder.DropIndex(
                name: "ix_sets_record_load",
                table: "sets");

            migrationBuilder.DropIndex(
                name: "ix_sets_record_reps",
                table: "sets");

            migrationBuilder.DropColumn(
                name: "e1rm_kg",
                table: "sets");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS set_e1rm(numeric, integer, numeric); DROP FUNCTION IF EXISTS set_epley(numeric, integer);");
        }
    }
}
