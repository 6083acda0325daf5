using System.Text.Json;
using System.Text.Json.Serialization;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>An exercise's targets on a day of the week (every work set alike, as plan edits make them), in <see cref="Unit"/>.</summary>
public sealed record ProposedTargets(string ExerciseId, int Sets, int RepsMin, int RepsMax, decimal Load, decimal? Rpe, WeightUnit Unit)
{
    public static ProposedTargets Of(PlannedExercise planned, WeightUnit unit)
    {
        var first = planned.TargetSets.Count > 0 ? planned.TargetSets[0] : new TargetSet(1, 0, 0, 0m, null);
        return new ProposedTargets(planned.ExerciseId, planned.TargetSets.Count, first.RepsMin, first.RepsMax, first.Load, first.Rpe, unit);
    }
}

/// <summary>A change someone would like made: a plan edit, and why, with the numbers it rests on.</summary>
public sealed record ProposalItemDraft(PlanEdit Edit, string Why, IReadOnlyList<Citation> Citations);

/// <summary>
/// One line of a proposal: the plan edit (the same shape as a manual one, <see cref="PlanEdit"/>), the
/// exercise's targets on that day before and after it (null before for an addition, null after for a skip),
/// and why, with the numbers it rests on.
/// </summary>
public sealed record ProposalItem(PlanEdit Edit, ProposedTargets? Before, ProposedTargets? After, string Why, IReadOnlyList<Citation> Citations);

public static class ProposalItems
{
    public const int MaxItems = 12;

    public const int MaxCitations = 6;

    public const int MaxWhyLength = 500;

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IReadOnlyList<ProposalItem> items) => JsonSerializer.Serialize(items, Json);

    public static IReadOnlyList<ProposalItem> Deserialize(string json) => JsonSerializer.Deserialize<List<ProposalItem>>(json, Json) ?? [];

    public static string SerializeEdits(IReadOnlyList<PlanEdit> edits) => JsonSerializer.Serialize(edits, Json);
}
