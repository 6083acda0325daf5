using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>One change of a hand-written proposal: the fields of the plan edit of its kind, and why.</summary>
public sealed record ProposalItemInput(
    PlanEditKind Kind,
    int DayNumber,
    string ExerciseId,
    string Why,
    string? WithExerciseId = null,
    int? Sets = null,
    int? RepsMin = null,
    int? RepsMax = null,
    decimal? Load = null,
    decimal? Rpe = null)
{
    public PlanEdit ToEdit() => Kind switch
    {
        PlanEditKind.Swap => new PlanEdit(Kind, DayNumber, ExerciseId.Trim(), WithExerciseId: WithExerciseId?.Trim()),
        PlanEditKind.Skip => new PlanEdit(Kind, DayNumber, ExerciseId.Trim()),
        PlanEditKind.Add or PlanEditKind.ChangeTargets => new PlanEdit(Kind, DayNumber, ExerciseId.Trim(), Sets: Sets, RepsMin: RepsMin, RepsMax: RepsMax, Load: Load, Rpe: Rpe),
        _ => throw new ValidationException("kind", "a proposal swaps, skips, adds or changes targets."),
    };
}

/// <summary>A coach's proposal for a linked athlete's week (this week by default).</summary>
public sealed record ProposePlanChangesInput(
    string ClientMutationId,
    Guid AthleteId,
    string Summary,
    IReadOnlyList<ProposalItemInput> Items,
    DateOnly? WeekStart = null) : IMutationInput;

/// <summary>The athlete's decision: the indexes of the items they accept (none: reject the proposal).</summary>
public sealed record DecidePlanProposalInput(string ClientMutationId, Guid ProposalId, IReadOnlyList<int> AcceptedItems) : IMutationInput;
