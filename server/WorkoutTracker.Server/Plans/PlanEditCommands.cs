using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// The input of every plan edit; each mutation's input type shows the fields it uses. <see cref="AthleteId"/>
/// names the athlete for a coach (an athlete edits their own plan); <see cref="WeekStart"/> defaults to this week.
/// </summary>
public sealed record PlanEditInput(
    string ClientMutationId,
    Guid? AthleteId = null,
    DateOnly? WeekStart = null,
    int DayNumber = 0,
    string ExerciseId = "",
    string? WithExerciseId = null,
    IReadOnlyList<string>? ExerciseIds = null,
    int? Sets = null,
    int? RepsMin = null,
    int? RepsMax = null,
    decimal? Load = null,
    decimal? Rpe = null) : IMutationInput;

/// <summary>
/// Edits an athlete's week: the athlete, or a coach linked to them. Each edit is checked against the week as
/// it stands (generated plan plus earlier edits) under the week's row lock, appended, and the week's
/// version bumped, in one transaction; idempotent by clientMutationId (per caller). A reset empties the
/// edits (the version still bumps, so ETags change).
/// </summary>
public sealed class PlanEditCommands(IdempotentMutations idempotent, AthleteAccess access, WeeklyPlanService plans, ProfileService profiles, ExerciseLookup exercises, TimeProvider clock)
{
    public Task<Idempotent<WeeklyPlanView>> SwapAsync(User caller, PlanEditInput input, CancellationToken ct) =>
        EditAsync(caller, input, "swapPlannedExercise", new PlanEdit(PlanEditKind.Swap, input.DayNumber, input.ExerciseId, WithExerciseId: input.WithExerciseId), ct);

    public Task<Idempotent<WeeklyPlanView>> SkipAsync(User caller, PlanEditInput input, CancellationToken ct) =>
        EditAsync(caller, input, "skipPlannedExercise", new PlanEdit(PlanEditKind.Skip, input.DayNumber, input.ExerciseId), ct);

    public Task<Idempotent<WeeklyPlanView>> AddAsync(User caller, PlanEditInput input, CancellationToken ct) =>
        EditAsync(caller, input, "addPlannedExercise", new PlanEdit(PlanEditKind.Add, input.DayNumber, input.ExerciseId, Sets: input.Sets, RepsMin: input.RepsMin, RepsMax: input.RepsMax, Load: input.Load, Rpe: input.Rpe), ct);

    public Task<Idempotent<WeeklyPlanView>> ChangeTargetsAsync(User caller, PlanEditInput input, CancellationToken ct) =>
        EditAsync(caller, input, "changePlannedTargets", new PlanEdit(PlanEditKind.ChangeTargets, input.DayNumber, input.ExerciseId, Sets: input.Sets, RepsMin: input.RepsMin, RepsMax: input.RepsMax, Load: input.Load, Rpe: input.Rpe), ct);

    public Task<Idempotent<WeeklyPlanView>> GroupSupersetAsync(User caller, PlanEditInput input, CancellationToken ct) =>
        EditAsync(caller, input, "groupPlannedSuperset", new PlanEdit(PlanEditKind.Superset, input.DayNumber, input.ExerciseIds is { Count: > 0 } ids ? ids[0] : "", ExerciseIds: input.ExerciseIds ?? []), ct);

    public Task<Idempotent<WeeklyPlanView>> ResetAsync(User caller, PlanEditInput input, CancellationToken ct) =>
        EditAsync(caller, input, "resetWeeklyPlan", edit: null, ct);

    private async Task<Idempotent<WeeklyPlanView>> EditAsync(User caller, PlanEditInput input, string operation, PlanEdit? edit, CancellationToken cancellationToken)
    {
        var athleteId = await access.ResolveReadableAthleteAsync(caller, input.AthleteId, cancellationToken);
        var zone = input.WeekStart is null ? await access.TimeZoneOfAsync(caller, athleteId, cancellationToken) : TimeZoneInfo.Utc;
        var week = BodyMapQueries.WeekArgument(input.WeekStart, clock, zone);
        if (edit is not null && string.IsNullOrWhiteSpace(edit.ExerciseId))
        {
            throw new ValidationException(edit.Kind == PlanEditKind.Superset ? "exerciseIds" : "exerciseId", "must not be empty.");
        }

        var now = clock.GetUtcNow();
        var resultId = string.Create(CultureInfo.InvariantCulture, $"{athleteId}/{week:yyyy-MM-dd}");
        return await idempotent.RunAsync(
            caller.Id, input.ClientMutationId, operation, new { AthleteId = athleteId, Week = week, Edit = edit },
            async (db, ct) =>
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO plan_edits (athlete_id, week_start, version, edits, updated_at, updated_by)
                    VALUES ({athleteId}, {week}, 0, '[]'::jsonb, {now}, {caller.Id})
                    ON CONFLICT (athlete_id, week_start) DO NOTHING
                    """, ct);
                var row = await db.PlanEdits.FromSql($"SELECT * FROM plan_edits WHERE athlete_id = {athleteId} AND week_start = {week} FOR UPDATE").SingleAsync(ct);
                var edits = PlanEdits.Deserialize(row.Edits).ToList();
                if (edit is null)
                {
                    edits.Clear();
                }
                else
                {
                    if (edits.Count >= PlanEdits.MaxEditsPerWeek)
                    {
                        throw new ValidationException("input", $"a week takes at most {PlanEdits.MaxEditsPerWeek} edits; reset it to start again.");
                    }

                    var current = await plans.GetAsync(athleteId, week, row, ct);
                    PlanEdits.Check(current.Plan, edit, await plans.ExercisesNamedAsync(athleteId, [edit], ct));
                    edits.Add(edit);
                }

                row.Edits = PlanEdits.Serialize(edits);
                row.Version++;
                row.UpdatedAt = now;
                row.UpdatedBy = caller.Id;
                await db.SaveChangesAsync(ct);
                return (await plans.GetAsync(athleteId, week, row, ct), resultId);
            },
            async (_, _, ct) => await plans.GetAsync(athleteId, week, ct),
            cancellationToken);
    }

    /// <summary>
    /// Exercises that can replace <paramref name="exerciseId"/> for the athlete: training its first primary
    /// muscle, doable with the athlete's equipment, from the catalog and the athlete's own (<see cref="ExerciseSwaps"/>), best first.
    /// </summary>
    public async Task<IReadOnlyList<Exercise>> SuggestSwapsAsync(Guid athleteId, string exerciseId, int first, CancellationToken cancellationToken)
    {
        if (first is < 1 or > 50)
        {
            throw new ValidationException("first", "must be between 1 and 50.");
        }

        var original = await exercises.FindUsableAsync(athleteId, exerciseId, cancellationToken) ?? throw new NotFoundException("Exercise", exerciseId);
        var profile = (await profiles.GetAsync(athleteId, cancellationToken)).ToTrainingProfile();
        var usable = await exercises.UsableAsync(athleteId, cancellationToken);
        return [.. ExerciseSwaps.Rank(original, usable, profile.CanDo).Take(first)];
    }
}
