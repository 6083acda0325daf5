using System.Net;
using System.Text;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Security;

/// <summary>
/// Athletes (the mobile client) may run only the operations of schema/persisted-operations.json;
/// coaches (the playground) may send any document, still under the server's limits.
/// </summary>
public sealed class AllowlistTests(BffSystem system) : IClassFixture<BffSystem>
{
    [Fact]
    public async Task Athlete_ad_hoc_document_is_refused_while_its_persisted_id_works()
    {
        using var athlete = await system.SignInAthleteAsync();
        var forwarded = system.Servers[0].GraphQLAuthorizations.Count;

        var adHoc = await athlete.QueryAsync("{ me { id displayName } }");

        Assert.Equal(HttpStatusCode.BadRequest, adHoc.Status);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", adHoc.FirstErrorCode);
        Assert.Equal("application/graphql-response+json", adHoc.ContentType);
        Assert.Equal(forwarded, system.Servers[0].GraphQLAuthorizations.Count); // the server never saw it

        var persisted = await athlete.PersistedAsync("Me");
        Assert.Equal(HttpStatusCode.OK, persisted.Status);
        Assert.Equal("Alex Athlete", persisted.Data!["me"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Athlete_may_send_a_persisted_mutation_by_post_and_an_apollo_hash()
    {
        using var athlete = await system.SignInAthleteAsync();

        var sessionId = await athlete.StartSessionAsync();
        var apq = await athlete.PostGraphQLAsync(new
        {
            operationName = "Me",
            extensions = new { persistedQuery = new { version = 1, sha256Hash = PersistedOperations.HashOf(PersistedOperations.TextOf("Me")) } },
        });
        var exactText = await athlete.QueryAsync(PersistedOperations.TextOf("Me"));

        Assert.NotEmpty(sessionId);
        Assert.Equal("Alex Athlete", apq.Data?["me"]?["displayName"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, exactText.Status); // the manifest's own text is the allowlisted document
    }

    [Fact]
    public async Task Athlete_unknown_document_id_is_not_found_and_a_mismatched_pair_is_refused()
    {
        using var athlete = await system.SignInAthleteAsync();

        var unknown = await athlete.PostGraphQLAsync(new { documentId = "sha256:" + new string('a', 64) });
        var mismatched = await athlete.PostGraphQLAsync(new { documentId = PersistedOperations.IdOf("Me"), query = "{ me { id } }" });
        var getAdHoc = await BffClient.ReadAsync(await athlete.SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ me { id } }")));

        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_QUERY_NOT_FOUND"), (unknown.Status, unknown.FirstErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_QUERY_REQUIRED"), (mismatched.Status, mismatched.FirstErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_QUERY_REQUIRED"), (getAdHoc.Status, getAdHoc.FirstErrorCode));
    }

    [Fact]
    public async Task Athlete_request_naming_the_document_twice_is_refused()
    {
        using var athlete = await system.SignInAthleteAsync();
        var allowed = System.Text.Json.JsonSerializer.Serialize(PersistedOperations.TextOf("Me"));
        var body = $$"""{"query":{{allowed}},"query":"{ me { id } }"}""";

        var result = await BffClient.ReadAsync(await athlete.SendAsync(HttpMethod.Post, "/graphql", new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (result.Status, result.FirstErrorCode));
    }

    [Fact]
    public async Task Coach_ad_hoc_query_and_introspection_work()
    {
        using var coach = await system.SignInCoachAsync();

        var athletes = await coach.QueryAsync("{ athletes { user { displayName } } }");
        var schema = await coach.QueryAsync("{ __schema { queryType { name } } }");

        Assert.Equal(HttpStatusCode.OK, athletes.Status);
        Assert.Contains(athletes.Data!["athletes"]!.AsArray(), a => a!["user"]!["displayName"]!.GetValue<string>() == "Alex Athlete");
        Assert.Equal("Query", schema.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Coach_ad_hoc_query_is_still_under_the_servers_depth_limit()
    {
        using var coach = await system.SignInCoachAsync();
        var deep = "{ me { id } __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 12)) + "name" + new string('}', 12 + 5) + " }";

        var result = await coach.QueryAsync(deep);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.NotNull(result.Errors);
    }
}
