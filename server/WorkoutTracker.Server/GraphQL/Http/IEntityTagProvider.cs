using GraphQL.Transport;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// Computes the entity tag of the response a GET request would produce, from version numbers alone,
/// without executing it. When the client's <c>If-None-Match</c> carries that tag the endpoint answers
/// 304 and nothing runs. Returns <c>null</c> when the request is not cacheable.
/// </summary>
/// <remarks>
/// The tag must be read before the response is built: if data changes in between, the fresh response
/// goes out with the older tag, which costs the next request one 200, never a stale 304.
/// </remarks>
public interface IEntityTagProvider
{
    ValueTask<string?> GetEntityTagAsync(GraphQLRequest request, HttpContext context);

    /// <summary>
    /// Whose answers the request's are (e.g. the signed-in user): a serialized answer kept for a tag is
    /// served again only within the same partition (<see cref="CachedResponses"/>). Null: do not keep it.
    /// </summary>
    string? PartitionOf(HttpContext context);
}
