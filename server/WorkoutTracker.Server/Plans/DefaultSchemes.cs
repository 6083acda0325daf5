using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// The scheme an exercise gets when the athlete has no progress on it yet. The goal decides rep
/// ranges and RPE, experience decides how the main lifts progress:
/// <list type="bullet">
/// <item><b>Strength</b>, compounds on a bar or stack: beginners <see cref="LinearProgression"/> (main lifts
/// 5 reps, secondary 6; +1 loadable step a session, +2 for barbell squats and hinges; −10 % after 3
/// failures); intermediates <see cref="RpeProgression"/> 5 @ 8 (secondary 6 @ 8); advanced 3 @ 8
/// (secondary 5 @ 8). Dumbbell and kettlebell compounds, whose steps are too coarse for linear loading,
/// use double progression 4–6; bodyweight compounds 5–10 (load is added only once the reps are there);
/// isolation work 6–10 @ RPE 8.</item>
/// <item><b>Hypertrophy</b>: <see cref="DoubleProgression"/> 8–12, RPE 8 on compounds and 9 on isolation.</item>
/// <item><b>General fitness</b>: double progression 8–15 @ RPE 7.</item>
/// <item>Timed exercises (holds, carries): double progression over 20–40 seconds, 5 seconds a session.</item>
/// </list>
/// Every scheme but linear carries the default <see cref="DeloadRule"/> (−10 % after 3 failed sessions in
/// a row); linear has its own decrement. Increments are in loadable steps, so they work in kg and lb alike.
/// </summary>
public static class DefaultSchemes
{
    public static ProgressionScheme For(TrainingGoal goal, ExperienceLevel experience, Exercise exercise, ExerciseRole role)
    {
        var rpe = GuideRpe(goal, exercise.IsCompound);
        var deload = new DeloadRule();
        if (ExerciseMeasures.For(exercise) == TargetMeasure.Seconds)
        {
            return new DoubleProgression { RepsMin = 20, RepsMax = 40, RepStep = 5, TargetRpe = rpe, Deload = deload };
        }

        return goal switch
        {
            TrainingGoal.Hypertrophy => Double(8, 12),
            TrainingGoal.GeneralFitness => Double(8, 15),
            _ => StrengthScheme(),
        };

        DoubleProgression Double(int min, int max) => new() { RepsMin = min, RepsMax = max, TargetRpe = rpe, Deload = deload };

        ProgressionScheme StrengthScheme()
        {
            var implement = LoadImplements.For(exercise);
            if (!exercise.IsCompound)
            {
                return Double(6, 10);
            }

            if (implement == LoadImplement.Bodyweight)
            {
                return Double(5, 10);
            }

            if (implement is LoadImplement.Dumbbell or LoadImplement.Kettlebell)
            {
                return Double(4, 6);
            }

            var main = role == ExerciseRole.Main;
            return experience switch
            {
                ExperienceLevel.Beginner => new LinearProgression
                {
                    Reps = main ? 5 : 6,
                    Increment = LoadChange.Steps(IsHeavyBarbellLowerBody(exercise, implement) ? 2 : 1),
                    TargetRpe = rpe,
                },
                ExperienceLevel.Intermediate => new RpeProgression { Reps = main ? 5 : 6, TargetRpe = 8m, Deload = deload },
                _ => new RpeProgression { Reps = main ? 3 : 5, TargetRpe = 8m, Deload = deload },
            };
        }
    }

    /// <summary>The RPE written on target sets: 8 for strength, 8 / 9 (compound / isolation) for hypertrophy, 7 for general fitness.</summary>
    public static decimal GuideRpe(TrainingGoal goal, bool compound) => goal switch
    {
        TrainingGoal.Hypertrophy => compound ? 8m : 9m,
        TrainingGoal.GeneralFitness => 7m,
        _ => 8m,
    };

    private static bool IsHeavyBarbellLowerBody(Exercise exercise, LoadImplement implement) =>
        implement is LoadImplement.Barbell or LoadImplement.TrapBar
        && exercise.Pattern is MovementPattern.Squat or MovementPattern.Hinge;
}
