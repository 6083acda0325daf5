namespace WorkoutTracker.Server.Sessions;

/// <summary>One workout of an athlete: started, sets logged into it, finished.</summary>
public sealed class TrainingSession
{
    public Guid Id { get; init; }

    public Guid AthleteId { get; init; }

    /// <summary>The day of the weekly plan this session follows, if any (1-based).</summary>
    public int? PlanDayNumber { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The order the next logged set gets; advanced under the session's row lock.</summary>
    public int NextSetOrder { get; set; } = 1;

    /// <summary>Bumps on every change to the session or its sets (for ETags and event ordering).</summary>
    public int Version { get; set; }

    /// <summary>The athlete's note on the session, at most <see cref="Notes.NoteRules.MaxSessionNote"/> characters.</summary>
    public string? Note { get; set; }

    public bool IsFinished => FinishedAt is not null;
}
