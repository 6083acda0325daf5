using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Progression.Schemes;

namespace WorkoutTracker.Domain.Tests.Progression;

/// <summary>Progress is stored as JSON; every scheme must come back exactly as it went in.</summary>
public sealed class StoredProgressTests
{
    public static TheoryData<ProgressionScheme> Schemes() =>
    [
        new LinearProgression { Reps = 5, Increment = LoadChange.Absolute(2.5m), Decrement = LoadChange.Percent(10m), FailuresToDecrease = 2, Deload = new DeloadRule { AfterFailures = 3, ReductionPercent = 15m } },
        new DoubleProgression { RepsMin = 8, RepsMax = 12, Increment = LoadChange.Steps(1) },
        new RpeProgression { Reps = 5, TargetRpe = 8m },
    ];

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Progress_round_trips_through_its_stored_json(ProgressionScheme scheme)
    {
        var exercise = ExerciseCatalog.All.Single(e => e.Id == "barbell-back-squat");
        var progress = ExerciseProgress.Start(exercise, scheme, ExperienceLevel.Intermediate, WeightUnit.Lb) with
        {
            ConsecutiveSuccesses = 2,
            LastE1rm = 301.5m,
            Version = 7,
        };

        var stored = new StoredProgress { ExerciseId = exercise.Id, State = StoredProgress.Serialize(progress) };

        Assert.Equal(progress, stored.ToProgress());
        Assert.Contains("\"kind\"", stored.State, StringComparison.Ordinal);
    }
}
