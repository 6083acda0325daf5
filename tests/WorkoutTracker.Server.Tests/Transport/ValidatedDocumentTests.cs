using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.GraphQL.Http;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Transport;

/// <summary>
/// A document is parsed and validated once per instance; a repeated one skips the specification rules
/// but never the rules whose answer depends on the request (method, caller, complexity from variables).
/// </summary>
public sealed class ValidatedDocumentTests(ValidatedDocumentTests.Api api) : IClassFixture<ValidatedDocumentTests.Api>
{
    public sealed class Api : WorkoutApiFactory
    {
        public Api() => With("GraphQL:MaxComplexity", "300");
    }

    private ValidatedDocuments Documents => api.Services.GetRequiredService<ValidatedDocuments>();

    private static string Unique(string document) => document.Replace("{ me", $"{{ tag{Guid.NewGuid():N}: __typename me", StringComparison.Ordinal);

    [Fact]
    public async Task A_repeated_document_is_validated_once_and_answers_the_same()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var query = Unique("{ me { id displayName } }");
        var (hits, misses) = (Documents.Hits, Documents.Misses);

        var first = await client.PostGraphQLAsync(query);
        var second = await client.PostGraphQLAsync(query);

        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        Assert.Equal(first.Body!.ToJsonString(), second.Body!.ToJsonString());
        Assert.Equal(misses + 1, Documents.Misses);
        Assert.Equal(hits + 1, Documents.Hits);
    }

    [Fact]
    public async Task A_persisted_operation_is_cached_by_the_text_its_id_stands_for()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        await client.GetPersistedAsync("Exercises");
        var hits = Documents.Hits;

        var again = await client.GetPersistedAsync("Exercises");

        Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
        Assert.Equal(hits + 1, Documents.Hits);
    }

    [Fact]
    public async Task A_refused_document_is_not_kept()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var query = Unique("{ me { id noSuchField } }");
        var misses = Documents.Misses;

        var first = await client.PostGraphQLAsync(query);
        var second = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", second.FirstErrorCode);
        Assert.Equal(misses + 2, Documents.Misses);
    }

    [Fact]
    public async Task A_mutation_validated_over_post_is_still_refused_over_get()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var mutation = $"mutation Start{Guid.NewGuid():N}($input: StartSessionInput!) {{ startSession(input: $input) {{ session {{ id }} }} }}";
        var posted = await client.PostGraphQLAsync(mutation, new { input = new { clientMutationId = Guid.NewGuid().ToString() } });
        Assert.True(posted.Status == HttpStatusCode.OK && posted.Errors is null, posted.ToString());
        await using var db = await api.CreateDbAsync();
        var sessionsBefore = await db.Sessions.CountAsync();
        var hits = Documents.Hits;

        var viaGet = await client.GetGraphQLAsync(mutation, new { input = new { clientMutationId = Guid.NewGuid().ToString() } });

        Assert.Equal(hits + 1, Documents.Hits);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, viaGet.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", viaGet.FirstErrorCode);
        Assert.Equal(sessionsBefore, await db.Sessions.CountAsync());
    }

    [Fact]
    public async Task A_document_validated_for_a_signed_in_caller_is_still_refused_to_an_anonymous_one()
    {
        using var athlete = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var anonymous = api.CreateClient();
        var query = Unique("{ me { id } }");
        Assert.Equal(HttpStatusCode.OK, (await athlete.PostGraphQLAsync(query)).Status);
        var hits = Documents.Hits;

        var response = await anonymous.PostGraphQLAsync(query);

        Assert.Equal(hits + 1, Documents.Hits);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Complexity_is_scored_again_with_each_request_s_variables()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var query = $"query Page{Guid.NewGuid():N}($n: Int) {{ sessions(first: $n) {{ edges {{ node {{ id sets {{ id loadKg reps }} }} }} }} }}";
        var small = await client.PostGraphQLAsync(query, new { n = 1 });
        Assert.True(small.Status == HttpStatusCode.OK && small.Errors is null, small.ToString());
        var hits = Documents.Hits;

        var large = await client.PostGraphQLAsync(query, new { n = 1000 });

        Assert.Equal(hits + 1, Documents.Hits);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Null(large.Data);
        Assert.Contains("complexity", large.Errors![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
