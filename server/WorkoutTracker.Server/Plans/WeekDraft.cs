using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Plans;

/// <summary>An exercise placed in a day while the week is being built.</summary>
internal sealed record Pick(Exercise Exercise, ExerciseRole Role, int Sets, int Sequence);

/// <summary>One day of the week being built: what is in it and how long it takes so far.</summary>
internal sealed class DayDraft(int index, DayTemplate template, TrainingGoal goal, int sessionMinutes)
{
    private readonly List<Pick> _picks = [];

    public int Index { get; } = index;

    public DayTemplate Template { get; } = template;

    public IReadOnlyList<Pick> Picks => _picks;

    public decimal Minutes => SessionBudget.GeneralWarmUpMinutes + _picks.Sum(p => Cost(p.Role, p.Sets));

    public decimal MinutesLeft => sessionMinutes - Minutes;

    public bool Contains(Exercise exercise) => _picks.Any(p => p.Exercise.Id == exercise.Id);

    public decimal Cost(ExerciseRole role, int sets) => SessionBudget.Minutes(role, sets, goal);

    /// <summary>Whether one more exercise fits in time and count.</summary>
    public bool Fits(ExerciseRole role, int sets) =>
        _picks.Count < PlanVolume.MaxExercisesPerDay && Cost(role, sets) <= MinutesLeft;

    public void Add(Exercise exercise, ExerciseRole role, int sets, int sequence) => _picks.Add(new Pick(exercise, role, sets, sequence));

    public void Replace(Pick old, Pick replacement) => _picks[_picks.IndexOf(old)] = replacement;
}

/// <summary>The week being built: its days and how much each muscle is trained so far.</summary>
internal sealed class WeekDraft(IReadOnlyList<DayDraft> days)
{
    private int _sequence;

    public IReadOnlyList<DayDraft> Days { get; } = days;

    public IEnumerable<Pick> AllPicks => Days.SelectMany(d => d.Picks);

    public bool Uses(Exercise exercise) => AllPicks.Any(p => p.Exercise.Id == exercise.Id);

    /// <summary>Exercises in the week with <paramref name="muscle"/> as a primary muscle.</summary>
    public int ExercisesFor(MuscleGroup muscle) => AllPicks.Count(p => p.Exercise.PrimaryMuscles.Contains(muscle));

    /// <summary>Work sets in the week with <paramref name="muscle"/> as a primary muscle.</summary>
    public int SetsFor(MuscleGroup muscle) => AllPicks.Where(p => p.Exercise.PrimaryMuscles.Contains(muscle)).Sum(p => p.Sets);

    public void Add(DayDraft day, Exercise exercise, ExerciseRole role, int sets) => day.Add(exercise, role, sets, _sequence++);

    public void Replace(DayDraft day, Pick old, Exercise exercise, ExerciseRole role, int sets) =>
        day.Replace(old, new Pick(exercise, role, sets, _sequence++));
}
