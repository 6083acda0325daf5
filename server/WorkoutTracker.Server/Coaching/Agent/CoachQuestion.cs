using System.Text;
using WorkoutTracker.Server.Coaching.Agent.Safety;
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

    /// <summary>Something hurts (an area, or pain without one): train around it, see a professional if it stays.</summary>
    Pain,

    /// <summary>The athlete is ill: rest first, come back lighter.</summary>
    Illness,

    /// <summary>Not about training ("write me a poem"): say what the coach can help with.</summary>
    OutOfScope,
}

/// <summary>
/// A question read by keywords: its intent, the exercise, muscles, equipment and painful areas it names,
/// and whether it asks about last week. Words match as prefixes ("stall" matches "stalling"); a key
/// ending in a space matches a whole word ("pr ").
/// <para>
/// The intent: illness and pain first (safety before anything else), then a task that is plainly not
/// training ("write me a poem"), then the first rule that matches, most specific first; a question that
/// matches none is an overview when it is about training and out of scope otherwise. Pain is a clear
/// pain word ("hurts", "injured", "pain", "strained", …), or a softer one ("sore", "tweaked", "aches",
/// "stiff") together with a body area ("shoulder", "knee", "lower back", …): "I'm sore, do I need a
/// deload?" stays a question about fatigue, "should I tweak my plan?" one about next week.
/// </para>
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

    private static readonly string[] PainWords =
        ["pain", "hurt", "injur", "sprain", "strain", "pulled a muscle", "twinge", "inflam", "swollen", "swelling", "numb ", "numbness", "tingl", "pinch", "tendin", "tendon", "sharp "];

    /// <summary>Words that mean pain only next to a body area ("sore shoulder"; "sore" alone is muscle soreness).</summary>
    private static readonly string[] SoftPainWords =
        ["sore", "tweak", "ache", "aching", "achy", "niggl", "bother", "acting up", "stiff", "flare", "twist", "rolled ", "pulled "];

    private static readonly string[] SorenessWords = ["sore", "ache", "aching", "achy", "stiff"];

    private static readonly string[] IllnessWords =
        ["ill ", "sick", "flu ", "fever", "covid", "a cold ", "head cold", "unwell", "infection", "virus", "nause", "vomit", "sore throat", "migraine", "not feeling well", "stomach bug"];

    /// <summary>Tasks that are not coaching, whatever else the question says.</summary>
    private static readonly string[] OtherTasks =
        ["poem", "poetry", "haiku", "joke", "story", "song", "lyrics", "essay", "weather", "news ", "stock", "crypto", "bitcoin", "recipe", "translat", "homework", "capital of", "write code", "python", "javascript", "movie", "election", "horoscope"];

    private static readonly string[] TrainingWords =
        ["train", "lift", "gym", "set ", "sets ", "rep ", "reps ", "weight", "workout", "exercise", "session", "strength", "strong", "muscle", "fitness", "cardio", "rest ", "sleep", "warm up", "warmup", "rpe", "e1rm", "1rm", "kg ", "kgs ", "lb ", "lbs ", "pound", "kilo", "coach", "hi ", "hello", "hey ", "help", "body", "goal", "week", "heavy", "light", "form", "technique", "athlete"];

    private static readonly (string Key, BodyArea Area)[] AreaWords =
    [
        ("neck", BodyArea.Neck),
        ("shoulder blade", BodyArea.UpperBack),
        ("shoulder", BodyArea.Shoulder),
        ("rotator cuff", BodyArea.Shoulder),
        ("elbow", BodyArea.Elbow),
        ("golfer", BodyArea.Elbow),
        ("wrist", BodyArea.Wrist),
        ("hand ", BodyArea.Wrist),
        ("hands ", BodyArea.Wrist),
        ("finger", BodyArea.Wrist),
        ("thumb", BodyArea.Wrist),
        ("forearm", BodyArea.Wrist),
        ("chest", BodyArea.Chest),
        ("pec ", BodyArea.Chest),
        ("pecs ", BodyArea.Chest),
        ("upper back", BodyArea.UpperBack),
        ("lower back", BodyArea.LowerBack),
        ("low back", BodyArea.LowerBack),
        ("back ", BodyArea.LowerBack),
        ("spine", BodyArea.LowerBack),
        ("lumbar", BodyArea.LowerBack),
        ("sciatic", BodyArea.LowerBack),
        ("disc ", BodyArea.LowerBack),
        ("hip ", BodyArea.Hip),
        ("hips ", BodyArea.Hip),
        ("groin", BodyArea.Groin),
        ("adductor", BodyArea.Groin),
        ("hamstring", BodyArea.Hamstring),
        ("knee", BodyArea.Knee),
        ("patella", BodyArea.Knee),
        ("ankle", BodyArea.Ankle),
        ("achilles", BodyArea.Ankle),
        ("foot ", BodyArea.Ankle),
        ("feet ", BodyArea.Ankle),
        ("heel", BodyArea.Ankle),
        ("shin", BodyArea.Ankle),
        ("calf ", BodyArea.Ankle),
    ];

    /// <summary>Exercise words that contain a body area but name none.</summary>
    private static readonly string[] NotAreas =
        ["back squat", "back extension", "hip thrust", "hip abduction", "hip adduction", "calf raise", "pec deck", "handstand", "hand stand", "leg curl", "chest supported", "chest press", "knee raise", "stiff leg", "russian twist"];

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
            var areas = PainfulAreas();
            if (IllnessWords.Any(Has) && areas.Count == 0)
            {
                return CoachIntent.Illness;
            }

            if (areas.Count > 0 || PainWords.Any(Has))
            {
                return CoachIntent.Pain;
            }

            if (OtherTasks.Any(Has))
            {
                return CoachIntent.OutOfScope;
            }

            foreach (var (intent, keys) in Rules)
            {
                if (keys.Any(Has))
                {
                    return intent;
                }
            }

            return IsAboutTraining ? CoachIntent.Overview : CoachIntent.OutOfScope;
        }
    }

    /// <summary>
    /// The body areas that hurt: areas named with a pain word ("sore shoulder", "my knee hurts"). Exercise
    /// names are read out first, so "back squat" or "hip thrust" name no area.
    /// </summary>
    public IReadOnlyList<BodyArea> PainfulAreas()
    {
        var text = _text;
        foreach (var name in ExerciseAliases.Select(a => a.Key.Trim()).Where(k => k.Contains(' ', StringComparison.Ordinal)).Concat(NotAreas))
        {
            text = text.Replace(" " + name, " ", StringComparison.Ordinal);
        }

        var rest = new CoachQuestion(text);
        if (!PainWords.Any(rest.Has) && !SoftPainWords.Any(rest.Has))
        {
            return [];
        }

        // Each key is read out once found, so "upper back" and "shoulder blade" are not also "back" and "shoulder".
        var areas = new List<BodyArea>();
        foreach (var (key, area) in AreaWords)
        {
            if (text.Contains(" " + key, StringComparison.Ordinal))
            {
                text = text.Replace(" " + key, " ", StringComparison.Ordinal);
                if (!areas.Contains(area))
                {
                    areas.Add(area);
                }
            }
        }

        return areas;
    }

    /// <summary>Whether the only pain words are soreness ("sore", "stiff", "aches"): it may be ordinary muscle soreness after training.</summary>
    public bool MaybeMuscleSoreness => !PainWords.Any(Has) && SorenessWords.Any(Has);

    /// <summary>Whether anything in the question is about training: a rule's word, an exercise, a muscle, equipment or a training word.</summary>
    public bool IsAboutTraining =>
        TrainingWords.Any(Has) || Rules.Any(r => r.Keys.Any(Has)) || ExerciseAliases.Any(a => Has(a.Key))
        || MuscleWords.Any(m => Has(m.Key)) || EquipmentWords.Any(e => Has(e.Key));

    /// <summary>
    /// The catalog exercises the text names by their full name (also in the plural: "push-ups"), in catalog
    /// order. Longer names are read out first, so "handstand push-ups" is not also a push-up.
    /// </summary>
    public IReadOnlyList<Exercise> ExercisesNamed(IEnumerable<Exercise> catalog)
    {
        var all = catalog.ToList();
        var text = _text;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exercise in all.OrderByDescending(e => e.Name.Length))
        {
            var name = " " + Read(exercise.Name)._text.Trim();
            if (text.Contains(name, StringComparison.Ordinal))
            {
                found.Add(exercise.Id);
                text = text.Replace(name, " ", StringComparison.Ordinal);
            }
        }

        return [.. all.Where(e => found.Contains(e.Id))];
    }

    /// <summary>Whether the text names <paramref name="exercise"/> by its full name (also in the plural: "push-ups").</summary>
    public bool Names(Exercise exercise) => Has(Read(exercise.Name)._text.Trim());

    public bool AsksAboutLastWeek => Has("last week");

    public bool AsksAboutNextWeek => Has("next week");

    /// <summary>
    /// The exercise named: a catalog name first, then an everyday name, preferring what the athlete trains,
    /// then what they can do (<paramref name="canDo"/>), then the most likely meaning.
    /// </summary>
    public Exercise? NamedExercise(IReadOnlyList<Exercise> catalog, IReadOnlySet<string> trained, Func<Exercise, bool>? canDo = null)
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
            var pick = known.FirstOrDefault(trained.Contains) ?? known.FirstOrDefault(id => canDo?.Invoke(ids[id]) ?? false) ?? known.FirstOrDefault();
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
