using System.Reactive.Linq;
using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Coaching.Copilot;

public static partial class CopilotFields
{
    public static void AddCopilotQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CopilotSuggestionType>>("copilot")
            .Description("During a session: the next set (from the plan, the progression engine and today's sets), the rest before it, and a swap when equipment is taken.")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .Argument<ListGraphType<NonNullGraphType<EquipmentType>>>("equipmentTaken", a => a.Description = "Equipment that is taken right now: the copilot swaps an exercise that needs it.")
            .ResolveAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                return await c.RequestServices!.GetRequiredService<CopilotService>()
                    .SuggestAsync(user, c.GetUuidArgument("sessionId"), EquipmentTaken(c), c.CancellationToken);
            });
    }

    public static void AddCopilotSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<CopilotSuggestionType>>("copilotUpdated")
            .Description("A fresh copilot suggestion after every set logged in the session, in order.")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .Argument<ListGraphType<NonNullGraphType<EquipmentType>>>("equipmentTaken")
            .ResolveStreamAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                var sessionId = c.GetUuidArgument("sessionId");
                var services = c.RequestServices!;
                _ = await services.GetRequiredService<SessionReads>().FindAsync(user, sessionId, c.CancellationToken)
                    ?? throw new NotFoundException("Session", sessionId.ToString());
                var taken = EquipmentTaken(c);
                var copilot = services.GetRequiredService<CopilotService>();
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CopilotFields).FullName!);
                return services.GetRequiredService<SessionEventHub>()
                    .Where(notice => notice.SessionId == sessionId && notice.Kind == SessionEventKind.SetLogged)
                    .Select(notice => Observable.FromAsync(ct => copilot.SuggestAsync(sessionId, taken, ct))
                        .Select(suggestion => (object?)suggestion)
                        .Catch((Exception ex) =>
                        {
                            SuggestionFailed(logger, sessionId, ex);
                            return Observable.Empty<object?>();
                        }))
                    .Concat();
            });
    }

    private static List<Equipment> EquipmentTaken(IResolveFieldContext c) => c.GetArgument<List<Equipment>?>("equipmentTaken") ?? [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No copilot suggestion for session {SessionId}; the event is skipped")]
    private static partial void SuggestionFailed(ILogger logger, Guid sessionId, Exception exception);
}
