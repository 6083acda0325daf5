using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;

namespace WorkoutTracker.Server.GraphQL.Subscriptions;

/// <summary>
/// An event's answer, already serialized: made once and shared by every subscription with the same selection
/// (<see cref="SharedEventResults"/>). The transport writes <see cref="Json"/> as the <c>next</c> payload.
/// </summary>
public sealed class SerializedExecutionResult(string json) : ExecutionResult
{
    public string Json { get; } = json;

    /// <summary><see cref="Json"/> as UTF-8, encoded once for every socket that writes it.</summary>
    public byte[] Utf8 { get; } = System.Text.Encoding.UTF8.GetBytes(json);
}

/// <summary>
/// Subscription execution that runs each event once per distinct selection, not once per subscriber: a
/// thousand sockets watching one session with the same document, variables and user get one execution and
/// one serialization of each event, and each writes the same JSON. The selection is what the transport puts
/// in the user context under <see cref="SelectionKey"/> (document, operation, variables and the user; a
/// subscription without it runs alone). Shared only when the event object is the same instance (live events
/// are: the log reader hands one object to every subscription) and the first execution had no error; any
/// other subscriber then runs its own. Events still resolve in a DI scope of their own
/// (<see cref="ScopedSubscriptionExecutionStrategy"/>).
/// </summary>
public sealed class SharedEventResults(IServiceScopeFactory scopes, IGraphQLTextSerializer serializer)
    : ScopedSubscriptionExecutionStrategy(scopes)
{
    public const string SelectionKey = "workouttracker.selection";

    private long _executions;
    private long _reused;

    /// <summary>Event executions run (one per event and distinct selection, plus unshared ones).</summary>
    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>Events answered with another subscription's serialized answer.</summary>
    public long Reused => Interlocked.Read(ref _reused);

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, TaskCompletionSource<string?>>> _byEvent = [];

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is null || context.UserContext is null || !context.UserContext.TryGetValue(SelectionKey, out var key) || key is not string selection)
        {
            Interlocked.Increment(ref _executions);
            return await base.ProcessDataAsync(context, node, value);
        }

        var answers = _byEvent.GetValue(value, _ => new ConcurrentDictionary<string, TaskCompletionSource<string?>>(StringComparer.Ordinal));
        var mine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = answers.GetOrAdd(selection, mine);
        if (!ReferenceEquals(shared, mine))
        {
            if (await shared.Task is { } json)
            {
                Interlocked.Increment(ref _reused);
                return new SerializedExecutionResult(json);
            }

            Interlocked.Increment(ref _executions);
            return await base.ProcessDataAsync(context, node, value);
        }

        Interlocked.Increment(ref _executions);
        string? serialized = null;
        try
        {
            var result = await base.ProcessDataAsync(context, node, value);
            if (!result.Executed || result.Errors is { Count: > 0 })
            {
                return result;
            }

            serialized = serializer.Serialize(result);
            return new SerializedExecutionResult(serialized);
        }
        finally
        {
            mine.TrySetResult(serialized);
        }
    }
}
