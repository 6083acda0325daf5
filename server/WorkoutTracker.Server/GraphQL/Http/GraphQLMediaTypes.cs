namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>Media types of the GraphQL-over-HTTP specification.</summary>
public static class GraphQLMediaTypes
{
    /// <summary>The response type the spec prefers; status codes carry request errors.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The legacy response type; request errors are answered 200 for old clients.</summary>
    public const string Json = "application/json";
}
