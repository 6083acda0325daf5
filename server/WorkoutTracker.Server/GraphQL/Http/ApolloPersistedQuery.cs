using System.Security.Cryptography;
using System.Text;
using GraphQL.Transport;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// Apollo's automatic persisted queries shape, <c>extensions.persistedQuery { version: 1, sha256Hash }</c>,
/// mapped onto the GraphQL-over-HTTP <c>documentId</c> (<c>sha256:&lt;hash&gt;</c>). When the client also
/// sends the query (APQ's retry after PERSISTED_QUERY_NOT_FOUND), the hash must match it and the query
/// runs as an ad-hoc document.
/// </summary>
public static class ApolloPersistedQuery
{
    public static ReadResult Apply(GraphQLRequest request)
    {
        if (request.DocumentId is not null ||
            request.Extensions?.TryGetValue("persistedQuery", out var value) != true ||
            value is not IReadOnlyDictionary<string, object?> persistedQuery)
        {
            return ReadResult.Ok(request);
        }

        if (!persistedQuery.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash || hash.Length != 64)
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_ID_INVALID", "extensions.persistedQuery.sha256Hash must be 64 hex digits.");
        }

        if (persistedQuery.TryGetValue("version", out var version) && version is not (null or 1 or 1L or 1m or 1d))
        {
            return ReadResult.Fail(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_NOT_SUPPORTED", "Only version 1 of persisted queries is supported.");
        }

        if (request.Query is null)
        {
            request.DocumentId = "sha256:" + hash.ToLowerInvariant();
            return ReadResult.Ok(request);
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Query)));
        return string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase)
            ? ReadResult.Ok(request)
            : ReadResult.Fail(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_HASH_MISMATCH", "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.");
    }
}
