using System.Net;
using System.Text.Json;
using WorkoutTracker.Server.GraphQL.PersistedOperations;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Transport;

public sealed class PersistedOperationTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private static readonly string MeDocument = File.ReadAllText(Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations", "Me.graphql")).ReplaceLineEndings("\n").Trim() + "\n";
    private static readonly string MeId = PersistedOperationManifest.IdOf(MeDocument);

    [Fact]
    public async Task Get_with_a_persisted_document_id_runs_the_operation()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.SendGraphQLAsync(HttpMethod.Get, "/graphql?documentId=" + Uri.EscapeDataString(MeId), body: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(DemoUsers.Athlete.Id.ToString(), response.Data!["me"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_with_a_document_id_runs_the_operation()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { documentId = MeId }));

        Assert.Equal("Alex Athlete", response.Data!["me"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apollo_persisted_query_extension_is_accepted_over_get_and_post()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var extensions = JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = MeId["sha256:".Length..] } });

        var get = await client.SendGraphQLAsync(HttpMethod.Get, "/graphql?extensions=" + Uri.EscapeDataString(extensions), body: null);
        var post = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql", $$"""{"extensions":{{extensions}}}""");

        Assert.Equal("ATHLETE", get.Data!["me"]!["role"]!.GetValue<string>());
        Assert.Equal("ATHLETE", post.Data!["me"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_id_is_persisted_query_not_found()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var unknown = "sha256:" + new string('a', 64);

        var byId = await client.SendGraphQLAsync(HttpMethod.Get, "/graphql?documentId=" + Uri.EscapeDataString(unknown), body: null);
        var apq = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql",
            JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('b', 64) } } }));

        Assert.Equal(HttpStatusCode.BadRequest, byId.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", byId.FirstErrorCode);
        Assert.Equal("PersistedQueryNotFound", byId.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", apq.FirstErrorCode);
    }

    [Theory]
    [InlineData("sha256:XYZ")]
    [InlineData("md5:abc")]
    public async Task Malformed_id_is_rejected_with_a_clear_code(string id)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.SendGraphQLAsync(HttpMethod.Get, "/graphql?documentId=" + Uri.EscapeDataString(id), body: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_ID_INVALID", response.FirstErrorCode);
    }

    [Fact]
    public async Task Apollo_registration_with_a_query_that_does_not_match_the_hash_is_refused()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql",
            JsonSerializer.Serialize(new { query = "{ me { id } }", extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('c', 64) } } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.FirstErrorCode);
    }

    [Fact]
    public async Task Apollo_registration_with_the_matching_hash_runs_the_query()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var hash = MeId["sha256:".Length..];

        var response = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql",
            JsonSerializer.Serialize(new { query = MeDocument, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } }));

        Assert.Equal("Alex Athlete", response.Data!["me"]!["displayName"]!.GetValue<string>());
    }
}

/// <summary>With <c>GraphQL:PersistedOperations:OnlyPersisted</c>, ad-hoc documents are refused.</summary>
public sealed class OnlyPersistedOperationTests(OnlyPersistedOperationTests.Api api) : IClassFixture<OnlyPersistedOperationTests.Api>
{
    public sealed class Api : WorkoutApiFactory
    {
        public Api() => With("GraphQL:PersistedOperations:OnlyPersisted", "true");
    }

    [Fact]
    public async Task Ad_hoc_document_is_refused_while_the_persisted_id_works()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var document = File.ReadAllText(Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations", "Me.graphql")).ReplaceLineEndings("\n").Trim() + "\n";

        var adHoc = await client.PostGraphQLAsync("{ me { id } }");
        var persisted = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { documentId = PersistedOperationManifest.IdOf(document) }));

        Assert.Equal(HttpStatusCode.BadRequest, adHoc.Status);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", adHoc.FirstErrorCode);
        Assert.Null(persisted.Errors);
    }
}
