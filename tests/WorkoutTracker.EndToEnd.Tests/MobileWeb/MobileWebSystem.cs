using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Bff.Tests.Infrastructure;
using WorkoutTracker.Server.Common.EventLog;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>The real server and BFF over a PostgreSQL database of their own, the BFF serving the mobile web export at <c>/</c>.</summary>
public sealed class MobileWebSystem : BffSystem
{
    protected override Task BeforeStartAsync() => MobileWebBuild.EnsureAsync();

    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff) =>
        bff["Bff:MobileWeb:DistPath"] = MobileWebBuild.DistPath;

    /// <summary>Live subscriptions the server holds right now (each one reads the event log).</summary>
    public int LiveSubscriptions => Servers[0].Services.GetRequiredService<EventLogReader>().SubscriberCount;

    /// <summary>
    /// Waits until the server holds at least <paramref name="count"/> live subscriptions: graphql-ws answers
    /// nothing to a subscribe, so this is how a test knows an event it causes next will be seen.
    /// </summary>
    public Task WaitForLiveSubscriptionsAsync(int count, TimeSpan timeout) => WaitUntilAsync(() => LiveSubscriptions >= count, timeout);

    /// <summary>Waits until an earlier test's browser is gone from the server (its sockets closed), so counts start from zero.</summary>
    public Task WaitUntilNoLiveSubscriptionsAsync() => WaitUntilAsync(() => LiveSubscriptions == 0, TimeSpan.FromSeconds(30));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
