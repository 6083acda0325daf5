using Microsoft.Net.Http.Headers;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary><c>If-None-Match</c> evaluation (RFC 9110 §13.1.2) for a strong entity tag.</summary>
public static class ConditionalRequest
{
    public static bool Matches(HttpRequest request, string entityTag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var candidates))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(entityTag);
        // If-None-Match uses the weak comparison: W/"x" matches "x".
        return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: false));
    }
}
