using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>A GraphQL response as the wire carried it: status, headers and the parsed body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, JsonNode? Body)
{
    public string? ContentType => ContentHeaders.ContentType?.MediaType;

    public JsonNode? Data => Body?["data"];

    public JsonArray? Errors => Body?["errors"] as JsonArray;

    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    public override string ToString() => $"{(int)Status} {ContentType}: {Body?.ToJsonString()}";
}

public static class GraphQLHttp
{
    public static Task<GraphQLResponse> PostGraphQLAsync(this HttpClient client, string query, object? variables = null, string? operationName = null, string? accept = null) =>
        client.SendGraphQLAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query, variables, operationName }), accept);

    public static Task<GraphQLResponse> GetGraphQLAsync(this HttpClient client, string query, object? variables = null, string? accept = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
        {
            url += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        return client.SendGraphQLAsync(HttpMethod.Get, url, body: null, accept);
    }

    public static async Task<GraphQLResponse> SendGraphQLAsync(
        this HttpClient client, HttpMethod method, string url, string? body, string? accept = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendGraphQLAsync(request);
    }

    public static async Task<GraphQLResponse> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(
            response.StatusCode,
            response.Headers,
            response.Content.Headers,
            text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
