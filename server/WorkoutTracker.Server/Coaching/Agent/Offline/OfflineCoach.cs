using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Coaching.Agent.Offline;

/// <summary>
/// The coach without a model: deterministic, from the same plugin functions the model calls. The
/// question's intent and the exercise, muscles, equipment or painful areas it names come from keywords
/// (<see cref="CoachQuestion"/>); each intent has its answer in a file of its own here, filled with the
/// athlete's numbers, every number cited and every load in the athlete's unit. Same data, same question
/// → same answer. A coach's question gets an answer that starts with whom it is about.
/// </summary>
public sealed class OfflineCoach(ExerciseLookup exercises)
{
    public async Task<CoachReply> AnswerAsync(CoachScope scope, string question, CoachPlugins tools, CoachLedger ledger, int maxLength, CancellationToken ct)
    {
        var read = CoachQuestion.Read(question);
        // The catalog and the athlete's own exercises: a custom exercise is named, and can be asked about, like any other.
        var all = await exercises.UsableAsync(scope.AthleteId, ct);
        var trained = await tools.Progression.TrainedExerciseIdsAsync(ct);
        var answer = new AnswerBuilder(maxLength, scope.Profile.Units);
        var context = new AnswerContext(scope, read, tools, answer, all, read.NamedExercise(all, trained, scope.Profile.CanDo), ct);
        if (scope.AskedByCoach && read.Intent != CoachIntent.OutOfScope)
        {
            // To the coach: who it is about; the rest speaks to the athlete, as the coach would pass it on.
            answer.Say($"About {scope.AthleteName}:");
        }

        var lead = answer.Text.Length;

        await (read.Intent switch
        {
            CoachIntent.Pain => PainAnswer.AnswerAsync(context),
            CoachIntent.Illness => IllnessAnswer.AnswerAsync(context),
            CoachIntent.OutOfScope => ScopeAnswer.AnswerAsync(context),
            CoachIntent.Swap => SwapAnswer.AnswerAsync(context),
            CoachIntent.Stall => LiftAnswers.StallAsync(context),
            CoachIntent.Fatigue => WeekAnswers.FatigueAsync(context),
            CoachIntent.NextLoad => LiftAnswers.NextLoadAsync(context),
            CoachIntent.NextWeek => WeekAnswers.NextWeekAsync(context),
            CoachIntent.Records => LiftAnswers.RecordsAsync(context),
            CoachIntent.Trend => LiftAnswers.TrendAsync(context),
            CoachIntent.Volume => VolumeAnswer.AnswerAsync(context),
            CoachIntent.Recent => WeekAnswers.RecentAsync(context),
            CoachIntent.Plan => WeekAnswers.PlanAsync(context, scope.ThisWeek, "This week"),
            _ => WeekAnswers.OverviewAsync(context),
        });

        if (answer.Text.Length == lead)
        {
            answer.Say("Nothing is logged yet, so I have nothing of yours to answer that from: log a few sessions and ask again.");
        }

        return new CoachReply(answer.Text, answer.Citations, ledger.ToolCalls, CoachSource.Offline);
    }
}
