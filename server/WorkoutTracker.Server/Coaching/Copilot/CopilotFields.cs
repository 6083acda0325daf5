using System.Reactive.Linq;
using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.Common.EventLog;
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
            .Description("A fresh copilot suggestion after every set logged in the session, in order; each carries the `cursor` of the last set it follows. Sets logged faster than suggestions are made (or replayed after `after`) get one suggestion, made from the latest of them. A linked coach's subscription ends with FORBIDDEN when the link ends.")
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .Argument<ListGraphType<NonNullGraphType<EquipmentType>>>("equipmentTaken")
            .Argument<StringGraphType>("after", SessionSubscriptions.AfterDescription)
            .ResolveStreamAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                var sessionId = c.GetUuidArgument("sessionId");
                var after = c.GetEventCursorArgument("after");
                var services = c.RequestServices!;
                var taken = EquipmentTaken(c);
                var copilot = services.GetRequiredService<CopilotService>();
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CopilotFields).FullName!);
                var setsLogged = services.GetRequiredService<LiveEventFeed>()
                    .Follow(after, ct => SessionSubscriptions.SessionScopeAsync(services.GetRequiredService<SessionReads>(), user, sessionId, ct))
                    .Where(e => e.Kind == EventKind.SetLogged);
                return Latest(setsLogged).Select(e => Observable.FromAsync(async ct => (object?)((await copilot.SuggestAsync(sessionId, taken, ct)) with { Cursor = e.Cursor.Encode() }))
                        .Catch((Exception ex) =>
                        {
                            SuggestionFailed(logger, sessionId, ex);
                            return Observable.Empty<object?>();
                        }))
                    .Concat();
            });
    }

    /// <summary>
    /// The source's events, except that while the consumer is busy only the newest one waits: a burst
    /// (a replay, a fast athlete) yields one suggestion, made from the state after the last of them.
    /// </summary>
    private static IObservable<LiveEvent> Latest(IObservable<LiveEvent> source) =>
        Observable.Create<LiveEvent>(async (observer, cancellationToken) =>
        {
            var newest = System.Threading.Channels.Channel.CreateBounded<LiveEvent>(
                new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest });
            using var upstream = source.Subscribe(e => newest.Writer.TryWrite(e), error => newest.Writer.TryComplete(error), () => newest.Writer.TryComplete());
            try
            {
                await foreach (var e in newest.Reader.ReadAllAsync(cancellationToken))
                {
                    observer.OnNext(e);
                }
            }
            catch (System.Threading.Channels.ChannelClosedException closed) when (closed.InnerException is { } reason)
            {
                throw reason;
            }
        });

    private static List<Equipment> EquipmentTaken(IResolveFieldContext c) => c.GetArgument<List<Equipment>?>("equipmentTaken") ?? [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No copilot suggestion for session {SessionId}; the event is skipped")]
    private static partial void SuggestionFailed(ILogger logger, Guid sessionId, Exception exception);
}
