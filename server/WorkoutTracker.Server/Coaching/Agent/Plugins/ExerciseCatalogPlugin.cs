using System.ComponentModel;
using Microsoft.SemanticKernel;
using WorkoutTracker.Server.Coaching.Agent.Safety;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Coaching.Agent.Plugins;

/// <summary>
/// The exercise catalog as the scoped athlete can use it (their profile's equipment): search by muscle
/// and name (<see cref="ExerciseSearch"/>), swaps for an exercise whose equipment is taken
/// (<see cref="ExerciseSwaps"/>), and alternatives that keep load off a painful area
/// (<see cref="PainRules"/>). Holds no athlete numbers, so it cites nothing.
/// </summary>
public sealed class ExerciseCatalogPlugin(CoachScope scope, CoachLedger ledger, ExerciseSearch search, ExerciseCatalogCache catalog, ExerciseLookup exercises)
{
    public const string FindExercisesName = "find_exercises";
    public const string SuggestSwapsName = "suggest_swaps";
    public const int MaxResults = 12;

    [KernelFunction(FindExercisesName)]
    [Description("Catalog exercises the athlete can do with their equipment, optionally for one muscle group, by part of the name, or without some equipment that is taken.")]
    public async Task<string> FindExercisesJsonAsync(
        [Description("A muscle group: CHEST, FRONT_DELTS, SIDE_DELTS, REAR_DELTS, BICEPS, TRICEPS, FOREARMS, LATS, UPPER_BACK, TRAPS, LOWER_BACK, ABS, OBLIQUES, GLUTES, QUADS, HAMSTRINGS, ADDUCTORS, CALVES.")] string? muscle = null,
        [Description("Part of the exercise name.")] string? search = null,
        [Description("Equipment that is not available right now, e.g. [\"BENCH\", \"BARBELL\"].")] string[]? equipmentTaken = null,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await FindExercisesAsync(muscle, search, equipmentTaken ?? [], cancellationToken));

    [KernelFunction(SuggestSwapsName)]
    [Description("Exercises that can replace one: when its equipment is taken, the same primary muscle with the athlete's remaining equipment; when something hurts (painfulAreas), exercises of another movement pattern that load none of the painful areas and train the same muscles. Best first.")]
    public async Task<string> SuggestSwapsJsonAsync(
        [Description("The id of the exercise to replace (the catalog's or the athlete's own).")] string exerciseId,
        [Description("Equipment that is taken, e.g. [\"BENCH\"]. Omit to avoid everything the exercise needs (unless painfulAreas is given).")] string[]? equipmentTaken = null,
        [Description("Body areas that hurt: NECK, SHOULDER, ELBOW, WRIST, CHEST, UPPER_BACK, LOWER_BACK, HIP, GROIN, HAMSTRING, KNEE, ANKLE.")] string[]? painfulAreas = null,
        CancellationToken cancellationToken = default) =>
        PluginJson.Serialize(await SuggestSwapsAsync(exerciseId, Parse(equipmentTaken ?? []), ParseAreas(painfulAreas ?? []), cancellationToken));

    public async Task<IReadOnlyList<ExerciseOption>> FindExercisesAsync(string? muscle, string? searchText, IReadOnlyList<string> equipmentTaken, CancellationToken cancellationToken)
    {
        ledger.Called(FindExercisesName);
        MuscleGroup? group = PluginJson.TryParse<MuscleGroup>(muscle, out var parsed) ? parsed : null;
        if (group is null && !string.IsNullOrWhiteSpace(muscle))
        {
            throw new ArgumentException($"'{muscle}' is not a muscle group.");
        }

        var taken = Parse(equipmentTaken);
        var available = scope.Profile.Equipment.Where(e => !taken.Contains(e)).Append(Equipment.Bodyweight).Distinct().ToList();
        var found = await search.FindAsync(
            new ExerciseFilter { Muscle = group, AvailableEquipment = available, Search = string.IsNullOrWhiteSpace(searchText) ? null : searchText.Trim() },
            cancellationToken);
        return [.. found.Take(MaxResults).Select(ExerciseOption.Of)];
    }

    public async Task<IReadOnlyList<ExerciseOption>> SuggestSwapsAsync(
        string exerciseId, IReadOnlyCollection<Equipment> taken, IReadOnlyCollection<BodyArea> painfulAreas, CancellationToken cancellationToken)
    {
        ledger.Called(SuggestSwapsName);
        cancellationToken.ThrowIfCancellationRequested();
        var all = await catalog.AllAsync();
        // The exercise to replace may be one of the athlete's own; the replacements come from the catalog.
        var original = await exercises.FindUsableAsync(scope.AthleteId, exerciseId.Trim(), cancellationToken)
            ?? throw new ArgumentException($"'{exerciseId}' is not an exercise id of the catalog or of the athlete.");
        if (painfulAreas.Count > 0)
        {
            return [.. PainRules.Alternatives(original, painfulAreas, all, ExerciseSwaps.Doable(scope.Profile.Equipment, taken)).Take(5).Select(ExerciseOption.Of)];
        }

        var unavailable = taken.Count > 0 ? taken : [.. original.Equipment.Where(e => e != Equipment.Bodyweight)];
        return [.. ExerciseSwaps.Rank(original, all, ExerciseSwaps.Doable(scope.Profile.Equipment, unavailable)).Take(5).Select(ExerciseOption.Of)];
    }

    private static List<BodyArea> ParseAreas(IEnumerable<string> names) =>
        [.. names.Select(n => PluginJson.TryParse<BodyArea>(n, out var a) ? a : throw new ArgumentException($"'{n}' is not a body area."))];

    private static List<Equipment> Parse(IEnumerable<string> names) =>
        [.. names.Select(n => PluginJson.TryParse<Equipment>(n, out var e) ? e : throw new ArgumentException($"'{n}' is not equipment."))];
}

public sealed record ExerciseOption(string Id, string Name, bool Compound, IReadOnlyList<MuscleGroup> PrimaryMuscles, IReadOnlyList<Equipment> Equipment)
{
    public static ExerciseOption Of(Exercise e) => new(e.Id, e.Name, e.IsCompound, e.PrimaryMuscles, e.Equipment);
}
