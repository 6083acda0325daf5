namespace WorkoutTracker.Server.Exercises;

/// <summary>
/// The muscle groups the body map shows and the plan balances. Coarse enough to draw on a front/back
/// figure, fine enough that a lifter recognises what a week trained (side delts apart from front delts).
/// </summary>
public enum MuscleGroup
{
    Chest,
    FrontDelts,
    SideDelts,
    RearDelts,
    Biceps,
    Triceps,
    Forearms,
    Lats,
    UpperBack,
    Traps,
    LowerBack,
    Abs,
    Obliques,
    Glutes,
    Quads,
    Hamstrings,
    Adductors,
    Calves,
}
