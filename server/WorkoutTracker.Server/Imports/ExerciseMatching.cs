using System.Text;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Imports;

/// <summary>How sure a suggested match is: the athlete reviews every one before anything is written.</summary>
public enum MatchQuality
{
    /// <summary>The file's name is the exercise's name.</summary>
    Exact,

    /// <summary>A name Strong or Hevy gives this exercise.</summary>
    Alias,

    /// <summary>The same words, in another order or with one more or less.</summary>
    Similar,

    /// <summary>Nothing close: the athlete must choose (or leave the sets out).</summary>
    None,
}

/// <summary>A suggestion for one exercise name of the file.</summary>
public sealed record ExerciseMatch(string Name, int Sets, string? ExerciseId, MatchQuality Quality);

/// <summary>
/// Suggests the catalog exercise for each name an export uses. Strong and Hevy name exercises
/// "Movement (Equipment)" ("Bench Press (Barbell)"); the catalog says "Barbell Bench Press". A name is
/// matched, in this order, exactly (ignoring case), through the aliases the two apps use for our
/// exercises, then by its words: the equipment moves in front, punctuation and plural endings go, and
/// the exercise sharing the most words wins when it shares at least two thirds of both names' words and
/// no equipment word contradicts (a dumbbell press is never a barbell press).
/// </summary>
public static class ExerciseMatching
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Squat (Barbell)"] = "barbell-back-squat",
        ["Back Squat (Barbell)"] = "barbell-back-squat",
        ["Front Squat (Barbell)"] = "barbell-front-squat",
        ["Goblet Squat (Dumbbell)"] = "dumbbell-goblet-squat",
        ["Goblet Squat (Kettlebell)"] = "kettlebell-goblet-squat",
        ["Goblet Squat"] = "dumbbell-goblet-squat",
        ["Air Squat"] = "bodyweight-squat",
        ["Leg Press (Machine)"] = "leg-press",
        ["Deadlift (Barbell)"] = "conventional-deadlift",
        ["Deadlift"] = "conventional-deadlift",
        ["Sumo Deadlift (Barbell)"] = "sumo-deadlift",
        ["Deadlift (Trap bar)"] = "trap-bar-deadlift",
        ["Trap Bar Deadlift"] = "trap-bar-deadlift",
        ["Romanian Deadlift (Barbell)"] = "romanian-deadlift",
        ["Romanian Deadlift (Dumbbell)"] = "dumbbell-romanian-deadlift",
        ["Hip Thrust (Barbell)"] = "barbell-hip-thrust",
        ["Bench Press (Barbell)"] = "barbell-bench-press",
        ["Incline Bench Press (Barbell)"] = "incline-barbell-bench-press",
        ["Bench Press (Dumbbell)"] = "dumbbell-bench-press",
        ["Incline Bench Press (Dumbbell)"] = "incline-dumbbell-bench-press",
        ["Push Up"] = "push-up",
        ["Chest Dip"] = "parallel-bar-dip",
        ["Triceps Dip"] = "parallel-bar-dip",
        ["Overhead Press (Barbell)"] = "barbell-overhead-press",
        ["Strict Military Press (Barbell)"] = "barbell-overhead-press",
        ["Shoulder Press (Dumbbell)"] = "seated-dumbbell-shoulder-press",
        ["Seated Overhead Press (Dumbbell)"] = "seated-dumbbell-shoulder-press",
        ["Shoulder Press (Machine)"] = "machine-shoulder-press",
        ["Bent Over Row (Barbell)"] = "barbell-row",
        ["Bent Over One Arm Row (Dumbbell)"] = "one-arm-dumbbell-row",
        ["Dumbbell Row"] = "one-arm-dumbbell-row",
        ["Seated Row (Cable)"] = "seated-cable-row",
        ["Seated Cable Row - V Grip (Cable)"] = "seated-cable-row",
        ["Pull Up"] = "pull-up",
        ["Pull Up (Assisted)"] = "pull-up",
        ["Chin Up"] = "chin-up",
        ["Lat Pulldown (Cable)"] = "lat-pulldown",
        ["Lat Pulldown - Wide Grip (Cable)"] = "lat-pulldown",
        ["Bicep Curl (Barbell)"] = "barbell-curl",
        ["Bicep Curl (Dumbbell)"] = "dumbbell-curl",
        ["Hammer Curl (Dumbbell)"] = "hammer-curl",
        ["EZ Bar Biceps Curl"] = "ez-bar-curl",
        ["Skullcrusher (Barbell)"] = "ez-bar-skull-crusher",
        ["Skullcrusher (Dumbbell)"] = "dumbbell-overhead-triceps-extension",
        ["Triceps Pushdown (Cable - Straight Bar)"] = "cable-triceps-pushdown",
        ["Triceps Pushdown"] = "cable-triceps-pushdown",
        ["Triceps Rope Pushdown"] = "cable-triceps-pushdown",
        ["Triceps Extension (Cable)"] = "overhead-cable-triceps-extension",
        ["Lateral Raise (Dumbbell)"] = "dumbbell-lateral-raise",
        ["Lateral Raise (Cable)"] = "cable-lateral-raise",
        ["Reverse Fly (Dumbbell)"] = "dumbbell-rear-delt-fly",
        ["Rear Delt Reverse Fly (Dumbbell)"] = "dumbbell-rear-delt-fly",
        ["Face Pull (Cable)"] = "face-pull",
        ["Shrug (Barbell)"] = "barbell-shrug",
        ["Shrug (Dumbbell)"] = "dumbbell-shrug",
        ["Chest Fly (Dumbbell)"] = "dumbbell-fly",
        ["Cable Fly Crossovers"] = "cable-fly",
        ["Butterfly (Pec Deck)"] = "pec-deck",
        ["Leg Extension (Machine)"] = "leg-extension",
        ["Lying Leg Curl (Machine)"] = "lying-leg-curl",
        ["Seated Leg Curl (Machine)"] = "seated-leg-curl",
        ["Standing Calf Raise (Machine)"] = "standing-calf-raise",
        ["Seated Calf Raise (Machine)"] = "seated-calf-raise",
        ["Hanging Leg Raise"] = "hanging-leg-raise",
        ["Kettlebell Swing"] = "kettlebell-swing",
        ["Farmers Walk (Dumbbell)"] = "dumbbell-farmers-carry",
    };

    private static readonly HashSet<string> EquipmentWords = new(StringComparer.Ordinal)
    {
        "barbell", "dumbbell", "kettlebell", "cable", "machine", "band", "bodyweight", "ez", "smith", "trap",
    };

    /// <summary>One suggestion per distinct name (compared ignoring case), in order of first use, with how many sets use it.</summary>
    public static IReadOnlyList<ExerciseMatch> Suggest(IEnumerable<ImportedSet> sets, IReadOnlyList<Exercise> catalog)
    {
        var words = catalog.Select(e => (Exercise: e, Words: Words(e.Name))).ToList();
        var byName = catalog.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        var ids = catalog.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return [.. sets.GroupBy(s => s.ExerciseName, StringComparer.OrdinalIgnoreCase)
            .Select(g => Match(g.Key, g.Count(), byName, ids, words))];
    }

    private static ExerciseMatch Match(string name, int sets, Dictionary<string, Exercise> byName, HashSet<string> ids, List<(Exercise Exercise, HashSet<string> Words)> catalog)
    {
        if (byName.TryGetValue(name, out var exact))
        {
            return new ExerciseMatch(name, sets, exact.Id, MatchQuality.Exact);
        }

        if (Aliases.TryGetValue(name, out var alias) && ids.Contains(alias))
        {
            return new ExerciseMatch(name, sets, alias, MatchQuality.Alias);
        }

        var mine = Words(name);
        var best = catalog
            .Where(c => !Contradicts(mine, c.Words))
            .Select(c => (c.Exercise, Shared: c.Words.Count(mine.Contains), All: c.Words.Union(mine).Count()))
            .Where(c => c.Shared * 3 >= c.All * 2)
            .OrderByDescending(c => (double)c.Shared / c.All)
            .FirstOrDefault();
        return best.Exercise is { } similar
            ? new ExerciseMatch(name, sets, similar.Id, MatchQuality.Similar)
            : new ExerciseMatch(name, sets, null, MatchQuality.None);
    }

    /// <summary>Both name equipment, and not the same.</summary>
    private static bool Contradicts(HashSet<string> a, HashSet<string> b)
    {
        var left = a.Where(EquipmentWords.Contains).ToHashSet();
        var right = b.Where(EquipmentWords.Contains).ToHashSet();
        return left.Count > 0 && right.Count > 0 && !left.SetEquals(right);
    }

    private static HashSet<string> Words(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return [.. text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Singular).Where(w => w is not "the" and not "with")];
    }

    private static string Singular(string word) => word switch
    {
        _ when word.EndsWith("ss", StringComparison.Ordinal) => word,
        _ when word.Length > 3 && word.EndsWith('s') => word[..^1],
        _ => word,
    };
}
