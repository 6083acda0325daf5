using WorkoutTracker.Server.Coaching.Agent.Safety;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>
/// Something hurts: no load into it and no diagnosis. The answer says to keep load off the painful area,
/// names the movements that load it (<see cref="PainRules"/>), offers alternatives of another movement
/// pattern that load none of the painful areas, suggests lowering load or range or resting, and says to
/// see a physiotherapist or doctor when the pain stays. It prescribes no load at all, so it cites nothing
/// it does not need.
/// </summary>
internal static class PainAnswer
{
    public static async Task AnswerAsync(AnswerContext c)
    {
        var a = c.Answer;
        var areas = c.Question.PainfulAreas();
        if (areas.Count == 0)
        {
            a.Say("Don't train through pain. I can't tell what is wrong, a physiotherapist or doctor can; until then leave out whatever hurts, and tell me where it hurts so I can suggest what to train instead.");
            SayRecovery(c);
            return;
        }

        var rules = areas.Select(PainRules.For).ToList();
        var where = AnswerContext.List([.. rules.Select(r => r.Words)]);
        a.Say($"Don't train through the pain in {where}. I can't tell what is wrong with it, a physiotherapist or doctor can; what I can do is keep load off it while it hurts.");
        if (areas.Contains(BodyArea.Chest))
        {
            a.Say("Chest pain that is not plainly a sore muscle can be serious: stop training and get it checked today.");
        }

        if (c.Question.MaybeMuscleSoreness)
        {
            a.Say("If it is the ordinary soreness after a hard session it fades within a few days and easy movement helps; pain in a joint, sharp pain or pain that stays is different.");
        }

        var exercise = c.Exercise;
        var movements = AnswerContext.List([.. rules.Select(r => r.MovementsInWords)]);
        a.Say(exercise is not null && PainRules.LoadsAny(areas, exercise)
            ? $"Leave out {exercise.Name} for now, and the other movements that load {where}: {movements}."
            : $"Leave out the movements that load {where}: {movements}.");

        if (exercise is not null)
        {
            var alternatives = await c.Tools.Catalog.SuggestSwapsAsync(exercise.Id, [], areas, c.Ct);
            a.Say(alternatives.Count > 0
                ? $"Instead, as long as they are pain-free: {AnswerContext.List([.. alternatives.Take(3).Select(e => e.Name)])}, which train your {Muscles(exercise, alternatives.Take(3))} without that movement."
                : $"Nothing in the catalog trains what {exercise.Name} trains without loading {where}: rest those muscles and train the rest of your body.");
        }
        else
        {
            await SayWhatToKeepAsync(c, areas, where);
        }

        SayRecovery(c);
    }

    /// <summary>This week's plan exercises that load none of the painful areas: the ones to keep.</summary>
    private static async Task SayWhatToKeepAsync(AnswerContext c, IReadOnlyList<BodyArea> areas, string where)
    {
        var plan = await c.Tools.Plan.GetWeeklyPlanAsync(c.Scope.ThisWeek, c.Ct);
        var byId = c.Catalog.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var keep = plan.Days.SelectMany(d => d.Exercises)
            .Select(e => byId[e.ExerciseId])
            .DistinctBy(e => e.Id)
            .Where(e => !PainRules.LoadsAny(areas, e))
            .Take(4)
            .Select(e => e.Name)
            .ToList();
        c.Answer.Say(keep.Count > 0
            ? $"From this week's plan, these do not load {where}, so keep them as long as they stay pain-free: {AnswerContext.List(keep)}."
            : $"Everything in this week's plan loads {where}: rest until it settles.");
    }

    private static void SayRecovery(AnswerContext c) =>
        c.Answer.Say("Lower the load or shorten the range on anything that still twinges, or rest it for a few days. If the pain stays beyond a week or two, gets worse, or comes with swelling, numbness or weakness, see a physiotherapist or doctor before you load it again.");

    /// <summary>The muscles the alternatives share with the original, in words: "triceps and upper back".</summary>
    private static string Muscles(Exercise original, IEnumerable<Plugins.ExerciseOption> alternatives)
    {
        var trained = original.PrimaryMuscles.Concat(original.SecondaryMuscles).ToList();
        var shared = alternatives.SelectMany(o => o.PrimaryMuscles).Where(trained.Contains).Distinct().OrderBy(trained.IndexOf).Select(AnswerContext.Words).ToList();
        return shared.Count > 0 ? AnswerContext.List(shared) : "muscles";
    }
}
