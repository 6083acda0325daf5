using System.Text;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>What a question is about, for the offline coach.</summary>
public enum CoachIntent
{
    Swap,
    Stall,
    Fatigue,
    NextLoad,
    NextWeek,
    Records,
    Trend,
    Volume,
    Recent,
    Plan,
    Overview,
}

/// <summary>
/// A question read by keywords: its intent (the first rule that matches, most specific first), the
/// exercise, muscles and equipment it names, and whether it asks about last week. Words match as
/// prefixes ("stall" matches "stalling"); a key ending in a space matches a whole word ("pr ").
/// </summary>
public sealed class CoachQuestion
{
    private static readonly (CoachIntent Intent, string[] Keys)[] Rules =
    [
        (CoachIntent.Swap, ["swap", "instead", "alternative", "replace", "substitut", "taken", "occupied", "busy", "no access", "not available", "unavailable"]),
        (CoachIntent.Stall, ["stall", "stuck", "plateau", "not progress", "no progress", "not going up", "fail", "struggl", "can t progress", "cant progress"]),
        (CoachIntent.Fatigue, ["deload", "tired", "fatigue", "exhaust", "overtrain", "recover", "sore", "burn out", "burnt", "burned out"]),
        (CoachIntent.NextLoad, ["what weight", "which weight", "how much weight", "how heavy", "what load", "how much should", "next session", "next time", "next workout", "today"]),
        (CoachIntent.NextWeek, ["next week", "change", "improve", "adjust", "tweak", "differently"]),
        (CoachIntent.Records, ["record", "pr ", "prs ", "pb ", "pbs ", "personal best", "best", "max", "1rm ", "heaviest", "strongest"]),
        (CoachIntent.Trend, ["progress", "trend", "e1rm", "stronger", "getting better", "over time", "gain"]),
        (CoachIntent.Volume, ["muscle", "volume", "body map", "bodymap", "sets per", "hard sets", "enough", "neglect", "undertrain", "balance", "lagging"]),
        (CoachIntent.Recent, ["last session", "last workout", "last time", "recent", "yesterday", "history", "how did", "logged", "did i do"]),
        (CoachIntent.Plan, ["plan", "this week", "schedule", "program", "routine", "workout"]),
    ];

    /// <summary>Everyday names of exercises, most likely meaning first; the athlete's own trained exercise wins among them.</summary>
    private static readonly (string Key, string[] Ids)[] ExerciseAliases =
    [
        ("front squat", ["barbell-front-squat"]),
        ("goblet", ["dumbbell-goblet-squat", "kettlebell-goblet-squat"]),
        ("split squat", ["bulgarian-split-squat", "split-squat"]),
        ("squat", ["barbell-back-squat", "barbell-front-squat", "leg-press", "dumbbell-goblet-squat", "bodyweight-squat"]),
        ("leg press", ["leg-press"]),
        ("romanian", ["romanian-deadlift", "dumbbell-romanian-deadlift"]),
        ("rdl", ["romanian-deadlift", "dumbbell-romanian-deadlift"]),
        ("sumo", ["sumo-deadlift"]),
        ("trap bar", ["trap-bar-deadlift"]),
        ("deadlift", ["conventional-deadlift", "trap-bar-deadlift", "sumo-deadlift", "romanian-deadlift"]),
        ("hip thrust", ["barbell-hip-thrust"]),
        ("incline", ["incline-barbell-bench-press", "incline-dumbbell-bench-press"]),
        ("dumbbell bench", ["dumbbell-bench-press"]),
        ("bench", ["barbell-bench-press", "dumbbell-bench-press", "incline-barbell-bench-press"]),
        ("push up", ["push-up"]),
        ("pushup", ["push-up"]),
        ("dip", ["parallel-bar-dip"]),
        ("overhead press", ["barbell-overhead-press", "seated-dumbbell-shoulder-press", "machine-shoulder-press"]),
        ("ohp ", ["barbell-overhead-press"]),
        ("military", ["barbell-overhead-press"]),
        ("shoulder press", ["seated-dumbbell-shoulder-press", "machine-shoulder-press", "barbell-overhead-press"]),
        ("pull up", ["pull-up"]),
        ("pullup", ["pull-up"]),
        ("chin", ["chin-up"]),
        ("pulldown", ["lat-pulldown"]),
        ("row", ["barbell-row", "seated-cable-row", "one-arm-dumbbell-row", "chest-supported-machine-row", "one-arm-kettlebell-row"]),
        ("lateral raise", ["dumbbell-lateral-raise", "cable-lateral-raise"]),
        ("curl", ["barbell-curl", "dumbbell-curl", "ez-bar-curl", "hammer-curl"]),
        ("calf", ["standing-calf-raise", "seated-calf-raise"]),
        ("lunge", ["dumbbell-walking-lunge", "kettlebell-reverse-lunge"]),
    ];

    private static readonly (string Key, MuscleGroup[] Muscles)[] MuscleWords =
    [
        ("chest", [MuscleGroup.Chest]),
        ("pec", [MuscleGroup.Chest]),
        ("back ", [MuscleGroup.Lats, MuscleGroup.UpperBack, MuscleGroup.LowerBack, MuscleGroup.Traps]),
        ("lats", [MuscleGroup.Lats]),
        ("upper back", [MuscleGroup.UpperBack]),
        ("lower back", [MuscleGroup.LowerBack]),
        ("trap", [MuscleGroup.Traps]),
        ("shoulder", [MuscleGroup.FrontDelts, MuscleGroup.SideDelts, MuscleGroup.RearDelts]),
        ("delt", [MuscleGroup.FrontDelts, MuscleGroup.SideDelts, MuscleGroup.RearDelts]),
        ("arm", [MuscleGroup.Biceps, MuscleGroup.Triceps, MuscleGroup.Forearms]),
        ("bicep", [MuscleGroup.Biceps]),
        ("tricep", [MuscleGroup.Triceps]),
        ("forearm", [MuscleGroup.Forearms]),
        ("leg", [MuscleGroup.Quads, MuscleGroup.Hamstrings, MuscleGroup.Glutes, MuscleGroup.Adductors, MuscleGroup.Calves]),
        ("quad", [MuscleGroup.Quads]),
        ("hamstring", [MuscleGroup.Hamstrings]),
        ("glute", [MuscleGroup.Glutes]),
        ("adductor", [MuscleGroup.Adductors]),
        ("calves", [MuscleGroup.Calves]),
        ("abs ", [MuscleGroup.Abs, MuscleGroup.Obliques]),
        ("core", [MuscleGroup.Abs, MuscleGroup.Obliques]),
        ("oblique", [MuscleGroup.Obliques]),
    ];

    private static readonly (string Key, Equipment Item)[] EquipmentWords =
    [
        ("squat rack", Equipment.SquatRack),
        ("rack", Equipment.SquatRack),
        ("bench", Equipment.Bench),
        ("barbell", Equipment.Barbell),
        ("bar ", Equipment.Barbell),
        ("dumbbell", Equipment.Dumbbell),
        ("kettlebell", Equipment.Kettlebell),
        ("cable", Equipment.Cable),
        ("machine", Equipment.Machine),
        ("pull up bar", Equipment.PullUpBar),
        ("dip station", Equipment.DipStation),
        ("ez bar", Equipment.EzBar),
        ("trap bar", Equipment.TrapBar),
        ("band", Equipment.ResistanceBand),
    ];

    private readonly string _text;

    private CoachQuestion(string text) => _text = text;

    /// <summary>The question lower-cased, every run of other characters one space, padded with spaces.</summary>
    public static CoachQuestion Read(string question)
    {
        var builder = new StringBuilder(" ");
        foreach (var c in question.ToLowerInvariant())
        {
            var keep = char.IsLetterOrDigit(c) ? c : ' ';
            if (keep != ' ' || builder[^1] != ' ')
            {
                builder.Append(keep);
            }
        }

        return new CoachQuestion(builder.Append(' ').ToString());
    }

    public CoachIntent Intent
    {
        get
        {
            foreach (var (intent, keys) in Rules)
            {
                if (keys.Any(Has))
                {
                    return intent;
                }
            }

            return CoachIntent.Overview;
        }
    }

    public bool AsksAboutLastWeek => Has("last week");

    public bool AsksAboutNextWeek => Has("next week");

    /// <summary>The exercise named: a catalog name first, then an everyday name, preferring what the athlete trains.</summary>
    public Exercise? NamedExercise(IReadOnlyList<Exercise> catalog, IReadOnlySet<string> trained)
    {
        var byName = catalog
            .Where(e => Has(Read(e.Name)._text.Trim() + " ") || Has(e.Id.Replace('-', ' ') + " "))
            .OrderByDescending(e => e.Name.Length)
            .FirstOrDefault();
        if (byName is not null)
        {
            return byName;
        }

        var ids = catalog.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var (key, candidates) in ExerciseAliases.Where(a => Has(a.Key)))
        {
            var known = candidates.Where(ids.ContainsKey).ToList();
            var pick = known.FirstOrDefault(trained.Contains) ?? known.FirstOrDefault();
            if (pick is not null)
            {
                return ids[pick];
            }
        }

        return null;
    }

    public IReadOnlyList<MuscleGroup> NamedMuscles() =>
        [.. MuscleWords.Where(m => Has(m.Key) && !(m.Key == "back " && Has("back squat"))).SelectMany(m => m.Muscles).Distinct()];

    public IReadOnlyList<Equipment> NamedEquipment() => [.. EquipmentWords.Where(e => Has(e.Key)).Select(e => e.Item).Distinct()];

    private bool Has(string key) => _text.Contains(" " + key, StringComparison.Ordinal);
}
