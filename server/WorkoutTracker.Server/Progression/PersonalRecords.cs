namespace WorkoutTracker.Server.Progression;

/// <summary>
/// Personal-record detection for one exercise over a history of sets, all in one unit (convert first
/// with <see cref="WeightConversion"/> if they were logged in different units). Warm-ups and sets of
/// zero reps never count, neither in the history nor as the new set. A new set breaks a record when it
/// is strictly better than every set of the history:
/// <list type="bullet">
/// <item><see cref="PersonalRecordKind.HeaviestLoad"/>: a heavier load than ever.</item>
/// <item><see cref="PersonalRecordKind.MostRepsAtLoad"/>: more reps than any set at this load or a heavier
/// one (8 reps at 95 kg is no record after 10 reps at 100 kg).</item>
/// <item><see cref="PersonalRecordKind.BestE1rm"/>: a higher e1RM (RPE chart when rated, Epley otherwise).</item>
/// </list>
/// With no history, the first work set breaks all three (with a null <see cref="PersonalRecord.Previous"/>,
/// so a client can show "first time" instead of a trophy). Worked example: history 100 kg × 5 and
/// 105 kg × 3 (Epley e1RMs 116.67 and 115.5); new 100 kg × 7 → MostRepsAtLoad (7, was 5) and BestE1rm
/// (123.33, was 116.67), not HeaviestLoad.
/// </summary>
public static class PersonalRecords
{
    /// <summary>The records <paramref name="set"/> breaks against <paramref name="history"/> (which must not contain it).</summary>
    public static IReadOnlyList<PersonalRecord> Detect(IEnumerable<PerformedSet> history, PerformedSet set)
    {
        if (!Counts(set))
        {
            return [];
        }

        var past = history.Where(Counts).ToList();
        var records = new List<PersonalRecord>();

        decimal? heaviest = past.Count == 0 ? null : past.Max(s => s.Load);
        if (heaviest is null || set.Load > heaviest)
        {
            records.Add(new PersonalRecord(PersonalRecordKind.HeaviestLoad, set.Load, heaviest, set.Load));
        }

        var atLeastAsHeavy = past.Where(s => s.Load >= set.Load).ToList();
        decimal? mostReps = atLeastAsHeavy.Count == 0 ? null : atLeastAsHeavy.Max(s => s.Reps);
        if (mostReps is null || set.Reps > mostReps)
        {
            records.Add(new PersonalRecord(PersonalRecordKind.MostRepsAtLoad, set.Reps, mostReps, set.Load));
        }

        var e1rm = OneRepMax.Estimate(set);
        decimal? bestE1rm = past.Count == 0 ? null : past.Max(OneRepMax.Estimate);
        if (e1rm > 0 && (bestE1rm is null || e1rm > bestE1rm))
        {
            records.Add(new PersonalRecord(PersonalRecordKind.BestE1rm, e1rm, bestE1rm, set.Load));
        }

        return records;
    }

    private static bool Counts(PerformedSet set) => !set.IsWarmup && set.Reps > 0;
}
