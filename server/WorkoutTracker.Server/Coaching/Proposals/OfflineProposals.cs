using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>
/// The offline coach's proposal for an athlete's week: reads the facts <see cref="ProposalRules"/> look at
/// and stores what they propose (<see cref="PlanProposals.CreateAsync"/>, so the items are checked as plan
/// edits). Null when the rules find nothing to change.
/// </summary>
public sealed class OfflineProposals(PlanProposals proposals, WeeklyPlanService plans, Profiles.ProfileService profiles, TrainingHistory history, BodyMapReads bodyMaps, ExerciseLookup exercises)
{
    /// <param name="lastCompleteWeek">The Monday of the last complete week, whose volume the rules judge.</param>
    public async Task<PlanProposalView?> ProposeAsync(Guid athleteId, Guid askedBy, DateOnly week, DateOnly lastCompleteWeek, CancellationToken ct)
    {
        var facts = await FactsAsync(athleteId, week, lastCompleteWeek, ct);
        var (summary, items) = ProposalRules.Propose(facts);
        return items.Count == 0 ? null : await proposals.CreateAsync(athleteId, week, ProposalAuthor.OfflineRules, askedBy, summary, items, ct);
    }

    public async Task<ProposalFacts> FactsAsync(Guid athleteId, DateOnly week, DateOnly lastCompleteWeek, CancellationToken ct)
    {
        var plan = (await plans.GetAsync(athleteId, week, ct)).Plan;
        var profile = (await profiles.GetAsync(athleteId, ct)).ToTrainingProfile();
        var progress = await plans.LoadProgressAsync(athleteId, ct);
        var e1rms = new Dictionary<string, IReadOnlyList<E1rmPoint>>(StringComparer.Ordinal);
        foreach (var id in plan.Days.SelectMany(d => d.Exercises).Where(e => e.Role != ExerciseRole.Accessory).Select(e => e.ExerciseId).Distinct())
        {
            e1rms[id] = await history.E1rmHistoryAsync(athleteId, id, ct);
        }

        var lastWeek = (await bodyMaps.LoadAsync([(athleteId, lastCompleteWeek)], ct))[(athleteId, lastCompleteWeek)];
        var usable = (await exercises.UsableAsync(athleteId, ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        return new ProposalFacts(plan, profile, progress, e1rms, lastWeek, usable);
    }
}
