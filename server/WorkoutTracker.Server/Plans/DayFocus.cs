using WorkoutTracker.Server.Exercises;
using static WorkoutTracker.Server.Exercises.MuscleGroup;

namespace WorkoutTracker.Server.Plans;

/// <summary>What a training day works.</summary>
public enum DayFocus
{
    FullBody,
    Upper,
    Lower,
    Push,
    Pull,
    Legs,
}

/// <summary>The muscles each <see cref="DayFocus"/> owns, in the order the generator tops them up.</summary>
public static class DayFocusMuscles
{
    private static readonly MuscleGroup[] _upper = [Chest, Lats, UpperBack, SideDelts, RearDelts, Biceps, Triceps, FrontDelts, Traps, Forearms];
    private static readonly MuscleGroup[] _lower = [Quads, Glutes, Hamstrings, Calves, Abs, Adductors, Obliques, LowerBack];

    /// <summary>
    /// The muscles a day with <paramref name="focus"/> trains. Full body: all of them. Upper: chest, back,
    /// shoulders, arms, traps, forearms. Lower and legs: legs, glutes, calves, lower back and the core.
    /// Push: chest, front and side delts, triceps. Pull: lats, upper back, rear delts, biceps, traps, forearms.
    /// </summary>
    public static IReadOnlyList<MuscleGroup> Of(DayFocus focus) => focus switch
    {
        DayFocus.FullBody => [.. _lower.Take(3), .. _upper.Take(7), .. _lower.Skip(3), .. _upper.Skip(7)],
        DayFocus.Upper => _upper,
        DayFocus.Push => [Chest, FrontDelts, SideDelts, Triceps],
        DayFocus.Pull => [Lats, UpperBack, RearDelts, Biceps, Traps, Forearms],
        _ => _lower,
    };
}
