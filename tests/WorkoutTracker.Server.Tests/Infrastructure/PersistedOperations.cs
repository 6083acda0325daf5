using System.Net.Http.Headers;
using System.Text.Json;
using WorkoutTracker.Server.GraphQL.PersistedOperations;

namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>The client's persisted operations (schema/operations), sent by id as the mobile app sends them.</summary>
public static class PersistedOperations
{
    public static string IdOf(string operationName)
    {
        var text = File.ReadAllText(Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations", operationName + ".graphql"));
        return PersistedOperationManifest.IdOf(text.ReplaceLineEndings("\n").Trim() + "\n");
    }

    /// <summary>GET /graphql?documentId=…&amp;variables=… with an optional If-None-Match.</summary>
    public static async Task<GraphQLResponse> GetPersistedAsync(this HttpClient client, string operationName, object? variables = null, string? ifNoneMatch = null)
    {
        var url = "/graphql?documentId=" + Uri.EscapeDataString(IdOf(operationName)) + "&operationName=" + operationName;
        if (variables is not null)
        {
            url += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        return await client.SendGraphQLAsync(request);
    }
}
