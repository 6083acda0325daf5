using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using WorkoutTracker.Server.GraphQL.Http;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Transport;

public sealed class TelemetryAndHealthTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task Each_graphql_operation_is_one_span_named_by_its_type_and_name()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var marker = Guid.NewGuid().ToString("N")[..8];
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        await client.PostGraphQLAsync($"query Me{marker} {{ me {{ id }} }}");

        var span = Assert.Single(spans, s => (s.GetTagItem("graphql.operation.name") as string) == $"Me{marker}");
        Assert.Equal($"query Me{marker}", span.DisplayName);
        Assert.Equal("query", span.GetTagItem("graphql.operation.type"));
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_with_the_database_up()
    {
        using var client = api.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
