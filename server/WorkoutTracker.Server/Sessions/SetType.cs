namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// What a set was for. Only <see cref="Warmup"/> is not a hard set: warm-ups count for nothing in the body
/// map, records or progression. Drop and failure sets are hard sets and can set records; progression judges
/// the straight sets (working and failure) against the plan's targets, not the drop sets after them.
/// </summary>
public enum SetType
{
    /// <summary>A lighter set before the work (the plan's warm-up sets).</summary>
    Warmup,

    /// <summary>A straight work set, what the plan prescribes.</summary>
    Working,

    /// <summary>A set at a reduced load straight after a work set.</summary>
    Drop,

    /// <summary>A work set taken to failure.</summary>
    Failure,
}

public static class SetTypes
{
    /// <summary>The set type an input asks for: the given one, or warm-up/working from the older <c>isWarmup</c> flag.</summary>
    public static SetType Resolve(SetType? setType, bool isWarmup)
    {
        if (setType is { } given)
        {
            return isWarmup && given != SetType.Warmup
                ? throw new Common.ValidationException("setType", "contradicts isWarmup: true; send one of them.")
                : given;
        }

        return isWarmup ? SetType.Warmup : SetType.Working;
    }

    /// <summary>Whether progression judges the set against the plan's targets (drop sets and warm-ups are not).</summary>
    public static bool IsStraightWorkSet(SetType type) => type is SetType.Working or SetType.Failure;
}
