namespace WorkoutTracker.Server.Sessions;

/// <summary>A set as performed: an exercise, a load in kilograms, reps and how hard it felt.</summary>
public sealed class WorkoutSet
{
    public Guid Id { get; init; }

    public Guid SessionId { get; init; }

    /// <summary>Whose set; kept on the set so per-athlete history reads need no join.</summary>
    public Guid AthleteId { get; init; }

    public required string ExerciseId { get; init; }

    /// <summary>Position in the session, 1-based, in the order sets were logged. Deleting leaves a gap.</summary>
    public int Order { get; init; }

    public decimal LoadKg { get; set; }

    public int Reps { get; set; }

    /// <summary>Rate of perceived exertion, 1–10 in halves; null when not recorded.</summary>
    public decimal? Rpe { get; set; }

    public int? RestSeconds { get; set; }

    private bool _isWarmup;
    private SetType _setType = SetType.Working;

    /// <summary>Always equal to <c>SetType == Warmup</c> (setting either sets the other), for the readers that only ask whether it was a warm-up.</summary>
    public bool IsWarmup
    {
        get => _isWarmup;
        set
        {
            _isWarmup = value;
            _setType = value ? SetType.Warmup : _setType == SetType.Warmup ? SetType.Working : _setType;
        }
    }

    public SetType SetType
    {
        get => _setType;
        set
        {
            _setType = value;
            _isWarmup = value == SetType.Warmup;
        }
    }

    /// <summary>The athlete's note on this set ("left knee caved on rep 5"), at most <see cref="Notes.NoteRules.MaxSetNote"/> characters.</summary>
    public string? Note { get; set; }

    public DateTimeOffset PerformedAt { get; set; }

    /// <summary>
    /// The set's estimated one-rep max, kept by PostgreSQL in the set's own row and transaction (a stored
    /// generated column, <c>set_e1rm(load_kg, reps, rpe)</c>, the same rule as <see cref="Progression.OneRepMax"/>);
    /// 0 for a set of zero reps. Records and the e1RM trend read it through indexes instead of recomputing
    /// every set.
    /// </summary>
    public decimal E1rmKg { get; private set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
