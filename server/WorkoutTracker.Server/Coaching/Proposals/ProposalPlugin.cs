using System.ComponentModel;
using Microsoft.SemanticKernel;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>
/// The model's way to propose a change to the scoped athlete's plan: one tool, <c>propose_plan_edit</c>,
/// that accepts only edits that apply (checked by <see cref="PlanProposals.CheckAsync"/>, the code that checks
/// a manual plan edit, against the week with the edits accepted before it applied). An edit that does not
/// apply (an unknown exercise, a day the week does not have, targets out of range) is refused: the model
/// is told why and the refusal is reported in the reply. As an outer filter it also reports calls the
/// <see cref="CoachToolGuard"/> refused for naming another athlete. After the answer, the accepted edits
/// become one proposal (<see cref="ProposeAsync"/>).
/// </summary>
public sealed class ProposalPlugin(CoachScope scope, CoachLedger ledger, PlanProposals proposals) : IAutoFunctionInvocationFilter
{
    public const string ProposeName = "propose_plan_edit";

    private readonly List<ProposalItemDraft> _accepted = [];
    private readonly List<string> _refused = [];
    private DateOnly? _week;

    /// <summary>Why each refused edit was refused, in call order.</summary>
    public IReadOnlyList<string> Refused => _refused;

    public DateOnly Week => _week ?? scope.ThisWeek.AddDays(7);

    [KernelFunction(ProposeName)]
    [Description("Propose one change to the athlete's plan for a week (next week by default), for the athlete to accept or reject; nothing changes until they accept. Call once per change. kind: swap (exerciseId for withExerciseId), skip, add, or change_targets (sets, repsMin, repsMax, load in the plan's unit, rpe). The change must apply to the week's plan as get_weekly_plan shows it; one that does not is refused with the reason.")]
    public async Task<string> ProposePlanEditAsync(
        [Description("swap, skip, add or change_targets.")] string kind,
        [Description("The plan day, 1-based.")] int dayNumber,
        [Description("The planned exercise (for add: the exercise to add), an id such as barbell-bench-press.")] string exerciseId,
        [Description("Why, with the athlete's numbers it rests on, in one or two sentences.")] string why,
        [Description("swap: the exercise to do instead.")] string? withExerciseId = null,
        [Description("Work sets, 1 to 6.")] int? sets = null,
        [Description("Lowest reps of the range.")] int? repsMin = null,
        [Description("Highest reps of the range.")] int? repsMax = null,
        [Description("Load in the plan's unit.")] decimal? load = null,
        [Description("Target RPE, 1 to 10 in steps of 0.5.")] decimal? rpe = null,
        [Description("Any date in the week, yyyy-MM-dd. Omit for next week.")] string? week = null,
        CancellationToken cancellationToken = default)
    {
        ledger.Called(ProposeName);
        DateOnly target;
        try
        {
            target = PluginJson.Week(week, scope.ThisWeek.AddDays(7));
        }
        catch (ArgumentException bad)
        {
            return Refuse($"{exerciseId}: {bad.Message}");
        }

        var edit = kind.Trim().ToLowerInvariant().Replace("-", "_", StringComparison.Ordinal) switch
        {
            "swap" => new PlanEdit(PlanEditKind.Swap, dayNumber, exerciseId.Trim(), WithExerciseId: withExerciseId?.Trim()),
            "skip" => new PlanEdit(PlanEditKind.Skip, dayNumber, exerciseId.Trim()),
            "add" => new PlanEdit(PlanEditKind.Add, dayNumber, exerciseId.Trim(), Sets: sets, RepsMin: repsMin, RepsMax: repsMax, Load: load, Rpe: rpe),
            "change_targets" => new PlanEdit(PlanEditKind.ChangeTargets, dayNumber, exerciseId.Trim(), Sets: sets, RepsMin: repsMin, RepsMax: repsMax, Load: load, Rpe: rpe),
            _ => null,
        };
        if (edit is null)
        {
            return Refuse($"{kind}: not a kind of change (swap, skip, add or change_targets).");
        }

        if (_week is { } chosen && chosen != target)
        {
            return Refuse($"{exerciseId}: one proposal changes one week ({PluginJson.Date(chosen)}).");
        }

        var draft = new ProposalItemDraft(edit, why, []);
        try
        {
            var (items, _) = await proposals.CheckAsync(scope.AthleteId, target, [.. _accepted, draft], cancellationToken);
            _week = target;
            _accepted.Add(draft);
            var item = items[^1];
            return PluginJson.Serialize(new { accepted = true, item.Before, item.After });
        }
        catch (DomainException refused)
        {
            return Refuse($"{exerciseId}: {refused.Message}");
        }
    }

    /// <summary>The accepted edits as one proposal by the coach agent; null when none was accepted.</summary>
    public async Task<PlanProposalView?> ProposeAsync(Guid askedBy, string answer, CancellationToken cancellationToken)
    {
        if (_accepted.Count == 0)
        {
            return null;
        }

        var summary = answer.Split('\n')[0].Trim();
        return await proposals.CreateAsync(scope.AthleteId, Week, ProposalAuthor.CoachAgent, askedBy, summary.Length == 0 ? "Changes the coach proposes" : summary, _accepted, cancellationToken);
    }

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        await next(context);
        if (context.Function.Name == ProposeName && context.Result.GetValue<object>()?.ToString() == CoachToolGuard.OtherAthleteRefused)
        {
            _refused.Add("Refused: the change named another athlete's plan; this conversation can only change the plan of the athlete it is about.");
        }
    }

    private string Refuse(string reason)
    {
        _refused.Add(reason);
        return PluginJson.Serialize(new { refused = reason });
    }
}
