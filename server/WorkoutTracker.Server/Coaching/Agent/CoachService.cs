using Microsoft.Extensions.Options;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Coaching.Agent.Offline;
using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// Answers a coaching question about one athlete: checks the question and the reader's access once,
/// fixes the scope, and asks the model when one is configured, the offline coach otherwise. A model that
/// fails or times out falls back to the offline coach (source OFFLINE), or with
/// <c>Coach:Model:OnFailure=Error</c> fails the field with COACH_UNAVAILABLE; never an unhandled error.
/// A model answer the safety check refuses (<see cref="CoachAnswerRefusedException"/>: it proposed an
/// exercise that loads a painful area) is replaced by the offline coach's answer whatever OnFailure says,
/// because that answer is safe and a refusal is not an outage.
/// </summary>
public sealed partial class CoachService(
    AthleteAccess access,
    CoachScopes scopes,
    CoachPluginFactory plugins,
    ModelCoach model,
    OfflineCoach offline,
    Proposals.OfflineProposals proposals,
    Proposals.PlanProposals planProposals,
    IOptions<CoachOptions> options,
    ILogger<CoachService> logger)
{
    public async Task<CoachReply> AskAsync(User reader, string question, Guid? athleteId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var text = question.Trim();
        if (text.Length == 0 || text.Length > limits.MaxQuestionLength)
        {
            throw new ValidationException("question", $"must be 1 to {limits.MaxQuestionLength} characters.");
        }

        var athlete = await access.ResolveReadableAthleteAsync(reader, athleteId, cancellationToken);
        var scope = (await scopes.ForAsync(athlete, cancellationToken)) with { AskedByCoach = athlete != reader.Id };
        if (model.IsConfigured)
        {
            var ledger = new CoachLedger();
            try
            {
                var proposer = new Proposals.ProposalPlugin(scope, ledger, planProposals);
                var answered = await model.AnswerAsync(scope, text, plugins.Create(scope, ledger), ledger, cancellationToken, proposer);
                return answered with { Proposal = await proposer.ProposeAsync(reader.Id, answered.Answer, cancellationToken), RefusedEdits = proposer.Refused };
            }
            catch (CoachAnswerRefusedException refused)
            {
                AnswerRefused(logger, refused.Reason, refused.Areas, refused.Exercises, scope.AthleteId);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DomainException)
            {
                ModelFailed(logger, ex.GetType().Name, ex);
                if (limits.Model.OnFailure == CoachModelFailure.Error)
                {
                    throw new CoachUnavailableException();
                }
            }
        }

        var offlineLedger = new CoachLedger();
        var reply = await offline.AnswerAsync(scope, text, plugins.Create(scope, offlineLedger), offlineLedger, limits.MaxAnswerLength, cancellationToken);
        return ProposesChanges(text)
            ? reply with { Proposal = await proposals.ProposeAsync(athlete, reader.Id, scope.ThisWeek.AddDays(7), scope.ThisWeek.AddDays(-7), cancellationToken) }
            : reply;
    }

    /// <summary>A question about what to change (next week, a stalling lift, a deload) gets a proposal for next week beside its answer.</summary>
    private static bool ProposesChanges(string question) =>
        CoachQuestion.Read(question).Intent is CoachIntent.NextWeek or CoachIntent.Stall or CoachIntent.Fatigue;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the model's answer ({Reason}): it proposed {Exercises} for a painful {Areas} (athlete {AthleteId}); the offline coach answers instead")]
    private static partial void AnswerRefused(ILogger logger, string reason, string areas, string exercises, Guid athleteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The coach's model failed ({Error}); answering without it as configured")]
    private static partial void ModelFailed(ILogger logger, string error, Exception exception);
}
