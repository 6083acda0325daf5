using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>
/// A schema with nothing of the domain: queries to see who and which DI scope runs an operation,
/// and subscriptions that stream a few values, stream until stopped, or fail.
/// </summary>
public sealed class SubscriptionTestSchema : global::GraphQL.Types.Schema
{
    public SubscriptionTestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new QueryType();
        Subscription = new SubscriptionType();
    }

    private sealed class QueryType : ObjectGraphType
    {
        public QueryType()
        {
            Name = "Query";
            Field<NonNullGraphType<StringGraphType>>("hello").Resolve(_ => "world");
            Field<StringGraphType>("whoami").Resolve(context => context.User?.FindFirstValue("name"));
            Field<NonNullGraphType<StringGraphType>>("scopeId").Resolve(context => context.RequestServices!.GetRequiredService<ScopeMarker>().Id.ToString());
        }
    }

    private sealed class SubscriptionType : ObjectGraphType
    {
        public SubscriptionType()
        {
            Name = "Subscription";
            Field<NonNullGraphType<IntGraphType>, int>("countdown")
                .Argument<NonNullGraphType<IntGraphType>>("from")
                .ResolveStream(context => Countdown(context.GetArgument<int>("from")).ToObservable());
            Field<NonNullGraphType<IntGraphType>, int>("forever")
                .Argument<NonNullGraphType<StringGraphType>>("tag")
                .ResolveStream(context =>
                {
                    var tracker = context.RequestServices!.GetRequiredService<StreamTracker>();
                    var tag = context.GetArgument<string>("tag");
                    return Forever(tracker, tag).ToObservable();
                });
            Field<IntGraphType, int>("failing").ResolveStream(_ => Failing().ToObservable());
        }

        private static async IAsyncEnumerable<int> Countdown(int from)
        {
            for (var i = from; i > 0; i--)
            {
                await Task.Yield();
                yield return i;
            }
        }

        private static async IAsyncEnumerable<int> Forever(StreamTracker tracker, string tag, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            tracker.Started(tag);
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return i;
                    await Task.Delay(20, cancellationToken);
                }
            }
            finally
            {
                tracker.Stopped(tag);
            }
        }

        private static async IAsyncEnumerable<int> Failing()
        {
            await Task.Yield();
            yield return 1;
            throw new InvalidOperationException("the source went away");
        }
    }
}

/// <summary>A scoped service: its id tells which DI scope an operation ran in.</summary>
public sealed class ScopeMarker
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>Which endless streams were started and have been disposed, by tag.</summary>
public sealed class StreamTracker
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _stopped = new();

    public void Started(string tag) => Stop(tag, complete: false);

    public void Stopped(string tag) => Stop(tag, complete: true);

    /// <summary>Completes when the stream tagged <paramref name="tag"/> was disposed.</summary>
    public Task WhenStopped(string tag) => Stop(tag, complete: false).Task;

    private TaskCompletionSource Stop(string tag, bool complete)
    {
        var source = _stopped.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (complete)
        {
            source.TrySetResult();
        }

        return source;
    }
}

internal static class AsyncEnumerableObservable
{
    /// <summary>An observable that iterates the sequence per subscriber and stops it on dispose.</summary>
    public static IObservable<T> ToObservable<T>(this IAsyncEnumerable<T> source) => new Observable<T>(source);

    private sealed class Observable<T>(IAsyncEnumerable<T> source) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer)
        {
            var cancellation = new CancellationTokenSource();
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var item in source.WithCancellation(cancellation.Token))
                    {
                        observer.OnNext(item);
                    }

                    observer.OnCompleted();
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    // Unsubscribed.
                }
                catch (Exception ex)
                {
                    observer.OnError(ex);
                }
            });
            return new Subscription(cancellation);
        }
    }

    private sealed class Subscription(CancellationTokenSource cancellation) : IDisposable
    {
        public void Dispose() => cancellation.Cancel();
    }
}
