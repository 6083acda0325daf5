using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkoutTracker.Server.Data.Migrations
{
    /// <summary>
    /// The logbook (issue 17): set types and notes on sets, session notes, sticky exercise notes, custom
    /// exercises (an owner on <c>exercises</c>), a session's added exercises and supersets, and the week's plan
    /// edits; <c>log_set</c> writes the set type and note too.
    /// </summary>
    public partial class Logbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_exercises_name",
                table: "exercises");

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "sets",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "set_type",
                table: "sets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Working");

            migrationBuilder.Sql("UPDATE sets SET set_type = 'Warmup' WHERE is_warmup;");

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "sessions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "owner_id",
                table: "exercises",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "exercise_notes",
                columns: table => new
                {
                    athlete_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_notes", x => new { x.athlete_id, x.exercise_id });
                    table.ForeignKey(
                        name: "fk_exercise_notes_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_exercise_notes_users_athlete_id",
                        column: x => x.athlete_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_edits",
                columns: table => new
                {
                    athlete_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    edits = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_edits", x => new { x.athlete_id, x.week_start });
                    table.ForeignKey(
                        name: "fk_plan_edits_users_athlete_id",
                        column: x => x.athlete_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_exercises",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exercise_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    added = table.Column<bool>(type: "boolean", nullable: false),
                    superset_group = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_exercises", x => new { x.session_id, x.exercise_id });
                    table.ForeignKey(
                        name: "fk_session_exercises_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_exercises_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_sets_set_type",
                table: "sets",
                sql: "(set_type = 'Warmup') = is_warmup");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_name",
                table: "exercises",
                column: "name",
                unique: true,
                filter: "owner_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_owner_id_name",
                table: "exercises",
                columns: new[] { "owner_id", "name" },
                unique: true,
                filter: "owner_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_notes_exercise_id",
                table: "exercise_notes",
                column: "exercise_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_exercises_exercise_id",
                table: "session_exercises",
                column: "exercise_id");

            migrationBuilder.AddForeignKey(
                name: "fk_exercises_users_owner_id",
                table: "exercises",
                column: "owner_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            // log_set also writes the set's type and note (columns appended to its parameters and its answer).
            migrationBuilder.Sql("DROP FUNCTION log_set(uuid, text, text, uuid, uuid, text, numeric, integer, numeric, integer, boolean, timestamptz, timestamptz, date, text[], numeric[], numeric[], numeric[]);");
            migrationBuilder.Sql("""
                CREATE FUNCTION log_set(
                    p_user_id uuid, p_client_mutation_id text, p_fingerprint text,
                    p_session_id uuid, p_set_id uuid, p_exercise_id text, p_load_kg numeric, p_reps integer, p_rpe numeric,
                    p_rest_seconds integer, p_is_warmup boolean, p_performed_at timestamptz, p_now timestamptz,
                    p_week_start date, p_muscles text[], p_hard_sets numeric[], p_total_reps numeric[], p_volume_load_kg numeric[],
                    p_set_type text, p_note text)
                RETURNS TABLE (
                    outcome text,
                    set_id uuid, exercise_id text, set_order integer, load_kg numeric, reps integer, rpe numeric,
                    rest_seconds integer, is_warmup boolean, performed_at timestamptz, updated_at timestamptz,
                    session_id uuid, athlete_id uuid, plan_day_number integer, started_at timestamptz, finished_at timestamptz,
                    next_set_order integer, version integer,
                    set_type text, note text)
                LANGUAGE plpgsql AS $$
                #variable_conflict use_column
                DECLARE
                    v_session sessions%ROWTYPE;
                    v_record idempotency_records%ROWTYPE;
                    v_body_map_version integer;
                    v_result_session uuid := p_session_id;
                    v_result_set uuid := p_set_id;
                BEGIN
                    -- The claim: a concurrent call with the same id waits here for the first one's commit, then finds its record.
                    INSERT INTO idempotency_records (user_id, client_mutation_id, operation, fingerprint, result_id)
                    VALUES (p_user_id, p_client_mutation_id, 'logSet', p_fingerprint, p_session_id::text || '/' || p_set_id::text)
                    ON CONFLICT (user_id, client_mutation_id) DO NOTHING;

                    IF NOT FOUND THEN
                        SELECT * INTO v_record FROM idempotency_records r WHERE r.user_id = p_user_id AND r.client_mutation_id = p_client_mutation_id;
                        IF v_record.operation <> 'logSet' OR v_record.fingerprint <> p_fingerprint THEN
                            RETURN QUERY SELECT 'conflict', NULL::uuid, NULL, NULL::integer, NULL::numeric, NULL::integer, NULL::numeric, NULL::integer,
                                NULL::boolean, NULL::timestamptz, NULL::timestamptz, NULL::uuid, NULL::uuid, NULL::integer, NULL::timestamptz,
                                NULL::timestamptz, NULL::integer, NULL::integer, NULL::text, NULL::text;
                            RETURN;
                        END IF;

                        v_result_session := split_part(v_record.result_id, '/', 1)::uuid;
                        v_result_set := split_part(v_record.result_id, '/', 2)::uuid;
                    ELSE
                        -- The session's row lock: its sets change one at a time (orders unique, versions and events in order).
                        UPDATE sessions s SET next_set_order = s.next_set_order + 1, version = s.version + 1
                        WHERE s.id = p_session_id AND s.athlete_id = p_user_id AND s.finished_at IS NULL
                        RETURNING * INTO v_session;

                        IF NOT FOUND THEN
                            SELECT * INTO v_session FROM sessions s WHERE s.id = p_session_id;
                            IF NOT FOUND THEN
                                RAISE EXCEPTION 'session % not found', p_session_id USING ERRCODE = 'WT404';
                            ELSIF v_session.athlete_id <> p_user_id THEN
                                RAISE EXCEPTION 'session % is another athlete''s', p_session_id USING ERRCODE = 'WT403';
                            ELSE
                                RAISE EXCEPTION 'session % is finished', p_session_id USING ERRCODE = 'WT409';
                            END IF;
                        END IF;

                        INSERT INTO sets (id, session_id, athlete_id, exercise_id, "order", load_kg, reps, rpe, rest_seconds, is_warmup, performed_at, updated_at, set_type, note)
                        VALUES (p_set_id, p_session_id, p_user_id, p_exercise_id, v_session.next_set_order - 1, p_load_kg, p_reps, p_rpe,
                                p_rest_seconds, p_is_warmup, p_performed_at, p_now, p_set_type, p_note);

                        INSERT INTO body_map_weeks (athlete_id, week_start, version) VALUES (p_user_id, p_week_start, 1)
                        ON CONFLICT (athlete_id, week_start) DO UPDATE SET version = body_map_weeks.version + 1
                        RETURNING body_map_weeks.version INTO v_body_map_version;

                        INSERT INTO body_map_muscles (athlete_id, week_start, muscle, hard_sets, total_reps, volume_load_kg)
                        SELECT p_user_id, p_week_start, t.muscle, t.hard_sets, t.total_reps, t.volume
                        FROM unnest(p_muscles, p_hard_sets, p_total_reps, p_volume_load_kg) AS t(muscle, hard_sets, total_reps, volume)
                        ON CONFLICT (athlete_id, week_start, muscle) DO UPDATE SET
                            hard_sets = body_map_muscles.hard_sets + excluded.hard_sets,
                            total_reps = body_map_muscles.total_reps + excluded.total_reps,
                            volume_load_kg = body_map_muscles.volume_load_kg + excluded.volume_load_kg;

                        INSERT INTO event_log (kind, athlete_id, session_id, set_id, session_version, body_map_week_start, body_map_version, occurred_at)
                        VALUES ('SetLogged', p_user_id, p_session_id, p_set_id, v_session.version, p_week_start, v_body_map_version, p_now);
                    END IF;

                    -- The answer: the set's id, the set (null columns when a replay finds it deleted since) and its session, as they stand now.
                    RETURN QUERY
                        SELECT CASE WHEN v_record.user_id IS NULL THEN 'logged' ELSE 'replayed' END,
                               v_result_set, t.exercise_id::text, t."order", t.load_kg, t.reps, t.rpe, t.rest_seconds, t.is_warmup, t.performed_at, t.updated_at,
                               s.id, s.athlete_id, s.plan_day_number, s.started_at, s.finished_at, s.next_set_order, s.version, t.set_type::text, t.note::text
                        FROM sessions s LEFT JOIN sets t ON t.id = v_result_set
                        WHERE s.id = v_result_session;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION log_set(uuid, text, text, uuid, uuid, text, numeric, integer, numeric, integer, boolean, timestamptz, timestamptz, date, text[], numeric[], numeric[], numeric[], text, text);");
            migrationBuilder.Sql("""
                CREATE FUNCTION log_set(
                    p_user_id uuid, p_client_mutation_id text, p_fingerprint text,
                    p_session_id uuid, p_set_id uuid, p_exercise_id text, p_load_kg numeric, p_reps integer, p_rpe numeric,
                    p_rest_seconds integer, p_is_warmup boolean, p_performed_at timestamptz, p_now timestamptz,
                    p_week_start date, p_muscles text[], p_hard_sets numeric[], p_total_reps numeric[], p_volume_load_kg numeric[])
                RETURNS TABLE (
                    outcome text,
                    set_id uuid, exercise_id text, set_order integer, load_kg numeric, reps integer, rpe numeric,
                    rest_seconds integer, is_warmup boolean, performed_at timestamptz, updated_at timestamptz,
                    session_id uuid, athlete_id uuid, plan_day_number integer, started_at timestamptz, finished_at timestamptz,
                    next_set_order integer, version integer)
                LANGUAGE plpgsql AS $$
                #variable_conflict use_column
                DECLARE
                    v_session sessions%ROWTYPE;
                    v_record idempotency_records%ROWTYPE;
                    v_body_map_version integer;
                    v_result_session uuid := p_session_id;
                    v_result_set uuid := p_set_id;
                BEGIN
                    -- The claim: a concurrent call with the same id waits here for the first one's commit, then finds its record.
                    INSERT INTO idempotency_records (user_id, client_mutation_id, operation, fingerprint, result_id)
                    VALUES (p_user_id, p_client_mutation_id, 'logSet', p_fingerprint, p_session_id::text || '/' || p_set_id::text)
                    ON CONFLICT (user_id, client_mutation_id) DO NOTHING;

                    IF NOT FOUND THEN
                        SELECT * INTO v_record FROM idempotency_records r WHERE r.user_id = p_user_id AND r.client_mutation_id = p_client_mutation_id;
                        IF v_record.operation <> 'logSet' OR v_record.fingerprint <> p_fingerprint THEN
                            RETURN QUERY SELECT 'conflict', NULL::uuid, NULL, NULL::integer, NULL::numeric, NULL::integer, NULL::numeric, NULL::integer,
                                NULL::boolean, NULL::timestamptz, NULL::timestamptz, NULL::uuid, NULL::uuid, NULL::integer, NULL::timestamptz,
                                NULL::timestamptz, NULL::integer, NULL::integer;
                            RETURN;
                        END IF;

                        v_result_session := split_part(v_record.result_id, '/', 1)::uuid;
                        v_result_set := split_part(v_record.result_id, '/', 2)::uuid;
                    ELSE
                        -- The session's row lock: its sets change one at a time (orders unique, versions and events in order).
                        UPDATE sessions s SET next_set_order = s.next_set_order + 1, version = s.version + 1
                        WHERE s.id = p_session_id AND s.athlete_id = p_user_id AND s.finished_at IS NULL
                        RETURNING * INTO v_session;

                        IF NOT FOUND THEN
                            SELECT * INTO v_session FROM sessions s WHERE s.id = p_session_id;
                            IF NOT FOUND THEN
                                RAISE EXCEPTION 'session % not found', p_session_id USING ERRCODE = 'WT404';
                            ELSIF v_session.athlete_id <> p_user_id THEN
                                RAISE EXCEPTION 'session % is another athlete''s', p_session_id USING ERRCODE = 'WT403';
                            ELSE
                                RAISE EXCEPTION 'session % is finished', p_session_id USING ERRCODE = 'WT409';
                            END IF;
                        END IF;

                        INSERT INTO sets (id, session_id, athlete_id, exercise_id, "order", load_kg, reps, rpe, rest_seconds, is_warmup, performed_at, updated_at)
                        VALUES (p_set_id, p_session_id, p_user_id, p_exercise_id, v_session.next_set_order - 1, p_load_kg, p_reps, p_rpe,
                                p_rest_seconds, p_is_warmup, p_performed_at, p_now);

                        INSERT INTO body_map_weeks (athlete_id, week_start, version) VALUES (p_user_id, p_week_start, 1)
                        ON CONFLICT (athlete_id, week_start) DO UPDATE SET version = body_map_weeks.version + 1
                        RETURNING body_map_weeks.version INTO v_body_map_version;

                        INSERT INTO body_map_muscles (athlete_id, week_start, muscle, hard_sets, total_reps, volume_load_kg)
                        SELECT p_user_id, p_week_start, t.muscle, t.hard_sets, t.total_reps, t.volume
                        FROM unnest(p_muscles, p_hard_sets, p_total_reps, p_volume_load_kg) AS t(muscle, hard_sets, total_reps, volume)
                        ON CONFLICT (athlete_id, week_start, muscle) DO UPDATE SET
                            hard_sets = body_map_muscles.hard_sets + excluded.hard_sets,
                            total_reps = body_map_muscles.total_reps + excluded.total_reps,
                            volume_load_kg = body_map_muscles.volume_load_kg + excluded.volume_load_kg;

                        INSERT INTO event_log (kind, athlete_id, session_id, set_id, session_version, body_map_week_start, body_map_version, occurred_at)
                        VALUES ('SetLogged', p_user_id, p_session_id, p_set_id, v_session.version, p_week_start, v_body_map_version, p_now);
                    END IF;

                    -- The answer: the set's id, the set (null columns when a replay finds it deleted since) and its session, as they stand now.
                    RETURN QUERY
                        SELECT CASE WHEN v_record.user_id IS NULL THEN 'logged' ELSE 'replayed' END,
                               v_result_set, t.exercise_id::text, t."order", t.load_kg, t.reps, t.rpe, t.rest_seconds, t.is_warmup, t.performed_at, t.updated_at,
                               s.id, s.athlete_id, s.plan_day_number, s.started_at, s.finished_at, s.next_set_order, s.version
                        FROM sessions s LEFT JOIN sets t ON t.id = v_result_set
                        WHERE s.id = v_result_session;
                END
                $$;
                """);
            migrationBuilder.DropForeignKey(
                name: "fk_exercises_users_owner_id",
                table: "exercises");

            migrationBuilder.DropTable(
                name: "exercise_notes");

            migrationBuilder.DropTable(
                name: "plan_edits");

            migrationBuilder.DropTable(
                name: "session_exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sets_set_type",
                table: "sets");

            migrationBuilder.DropIndex(
                name: "ix_exercises_name",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_exercises_owner_id_name",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "note",
                table: "sets");

            migrationBuilder.DropColumn(
                name: "set_type",
                table: "sets");

            migrationBuilder.DropColumn(
                name: "note",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "owner_id",
                table: "exercises");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_name",
                table: "exercises",
                column: "name",
                unique: true);
        }
    }
}
