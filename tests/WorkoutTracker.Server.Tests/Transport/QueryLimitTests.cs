using System.Net;
using System.Text;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Transport;

/// <summary>Depth and complexity are checked during validation, before any resolver runs.</summary>
public sealed class QueryLimitTests(QueryLimitTests.Api api) : IClassFixture<QueryLimitTests.Api>
{
    public sealed class Api : WorkoutApiFactory
    {
        public Api()
        {
            With("GraphQL:MaxDepth", "6");
            With("GraphQL:MaxComplexity", "300");
        }
    }

    [Fact]
    public async Task Query_deeper_than_the_limit_is_rejected_before_execution()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        const string deep = "{ me { id } __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }";

        var response = await client.PostGraphQLAsync(deep);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Contains("depth", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Query_within_the_depth_limit_runs()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync("{ me { id } __schema { queryType { fields { type { name } } } } }");

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }

    [Fact]
    public async Task Query_over_the_complexity_limit_is_rejected_before_execution()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var aliases = new StringBuilder("{");
        for (var i = 0; i < 40; i++)
        {
            aliases.Append(System.Globalization.CultureInfo.InvariantCulture, $" e{i}: exercises {{ id name primaryMuscles }}");
        }

        var response = await client.PostGraphQLAsync(aliases.Append(" }").ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Contains("complexity", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
