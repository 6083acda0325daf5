using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Transport;

/// <summary>The GraphQL-over-HTTP rules of the /graphql endpoint, through real HTTP against the real server.</summary>
public sealed class HttpTransportTests(HttpTransportTests.Api api) : IClassFixture<HttpTransportTests.Api>
{
    public sealed class Api : WorkoutApiFactory
    {
        public const int BodyLimit = 2048;

        public Api() => With("GraphQL:MaxRequestBodyBytes", BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private const string MeQuery = "query Me { me { id displayName role } }";

    [Fact]
    public async Task Post_with_json_body_returns_data_as_graphql_response_json()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync(MeQuery);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal("Alex Athlete", response.Data!["me"]!["displayName"]!.GetValue<string>());
        Assert.Null(response.Errors);
    }

    [Fact]
    public async Task Json_answers_keep_plus_signs_and_apostrophes_as_they_are()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var dates = await RawPostAsync(client, "{ sessions(first: 1) { items { startedAt } } }");
        var error = await RawPostAsync(client, "{ me { nickname } }");

        Assert.Matches("\"startedAt\":\"[0-9T:.-]+\\+00:00\"", dates); // a time zone offset, not \u002B00:00
        Assert.Contains("Cannot query field 'nickname' on type 'User'.", error, StringComparison.Ordinal); // not \u0027
        Assert.DoesNotContain("\\u00", dates + error, StringComparison.Ordinal);
    }

    private static async Task<string> RawPostAsync(HttpClient client, string query)
    {
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Client_accepting_only_application_json_gets_application_json()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync(MeQuery, accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.ContentType);
    }

    [Fact]
    public async Task Accept_preference_by_quality_is_honoured()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync(MeQuery, accept: "application/graphql-response+json;q=0.5, application/json;q=0.9");

        Assert.Equal("application/json", response.ContentType);
    }

    [Fact]
    public async Task Unacceptable_accept_header_is_406()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync(MeQuery, accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task Parse_error_is_400_with_a_graphql_error_body()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync("query { me { id ");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal("SYNTAX_ERROR", response.FirstErrorCode);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Validation_error_is_400_with_a_graphql_error_body()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync("{ me { id shoeSize } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("shoeSize", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Legacy_application_json_answers_request_errors_with_200_per_the_spec()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync("{ me { id shoeSize } }", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Errors);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Unsupported_media_type_is_415(string contentType)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql", """{"query":"{ me { id } }"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Body_over_the_configured_limit_is_413()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var padding = new string(' ', Api.BodyLimit);
        var response = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql", "{\"query\":\"{ me { id } }\"" + padding + "}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("REQUEST_TOO_LARGE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_without_content_length_is_413()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"query\":\"" + new string('x', Api.BodyLimit * 2) + "\"}"))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendGraphQLAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Theory]
    [InlineData("{\"query\": ", "INVALID_JSON")]
    [InlineData("{query: '{ me { id } }'}", "INVALID_JSON")]
    [InlineData("\"{ me { id } }\"", "INVALID_REQUEST")]
    [InlineData("[{\"query\":\"{ me { id } }\"}]", "BATCH_NOT_SUPPORTED")]
    [InlineData("{\"query\": 42}", "INVALID_JSON")]
    [InlineData("{\"query\": \"{ me { id } }\", \"variables\": \"not an object\"}", "INVALID_JSON")]
    [InlineData("{}", "QUERY_MISSING")]
    [InlineData("", "INVALID_JSON")]
    public async Task Malformed_body_is_400_never_500(string body, string code)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.SendGraphQLAsync(HttpMethod.Post, "/graphql", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task Invalid_utf8_body_is_400()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([.. "{\"query\":\"{ me { id } }\",\"operationName\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.SendGraphQLAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_JSON", response.FirstErrorCode);
    }

    [Fact]
    public async Task Get_runs_a_query()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.GetGraphQLAsync("query Exercises($f: ExerciseFilter) { exercises(filter: $f) { id } }", new { f = new { muscle = "CALVES" } });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotEmpty(response.Data!["exercises"]!.AsArray());
    }

    [Theory]
    [InlineData("/graphql?query={me{id}}&variables={broken")]
    [InlineData("/graphql?query={me{id}}&variables=[1,2]")]
    [InlineData("/graphql?query={me{id}}&query={me{role}}")]
    [InlineData("/graphql?operationName=Me")]
    public async Task Get_with_malformed_parameters_is_400(string url)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.SendGraphQLAsync(HttpMethod.Get, url, body: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.FirstErrorCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow_header(string method)
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.SendGraphQLAsync(new HttpMethod(method), "/graphql", """{"query":"{ me { id } }"}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["GET", "POST"], response.ContentHeaders.Allow.Select(m => m.Trim()).Order());
    }

    [Fact]
    public async Task Mutation_over_get_is_405_with_allow_post_and_writes_nothing()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        await using var db = await api.CreateDbAsync();
        var sessionsBefore = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Sessions);

        var response = await client.GetGraphQLAsync(
            "mutation Start($input: StartSessionInput!) { startSession(input: $input) { session { id } } }",
            new { input = new { clientMutationId = Guid.NewGuid().ToString() } });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["POST"], response.ContentHeaders.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", response.FirstErrorCode);
        Assert.Equal(sessionsBefore, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Sessions));
    }

    [Fact]
    public async Task Subscription_over_http_is_400_pointing_to_the_websocket()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);
        var response = await client.PostGraphQLAsync($"subscription {{ sessionUpdated(sessionId: \"{Guid.NewGuid()}\") {{ kind }} }}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("SUBSCRIPTION_REQUIRES_WEBSOCKET", response.FirstErrorCode);
    }
}
