using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>The request carried no authenticated user and asked for more than introspection. HTTP 401.</summary>
public sealed class AuthenticationRequiredError : ValidationError
{
    public const string ErrorCode = "UNAUTHENTICATED";

    public AuthenticationRequiredError(ValidationContext context, ASTNode node)
        : base(context.Document.Source, null, "Authentication required: send a bearer token.", node)
    {
        Code = ErrorCode;
    }
}

/// <summary>A mutation or subscription was sent with GET. HTTP 405 with <c>Allow: POST</c>.</summary>
public sealed class OperationNotAllowedOverGetError : ValidationError
{
    public const string ErrorCode = "METHOD_NOT_ALLOWED";

    public OperationNotAllowedOverGetError(ValidationContext context, GraphQLOperationDefinition operation)
        : base(context.Document.Source, null, $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.", operation)
    {
        Code = ErrorCode;
    }
}

/// <summary>A subscription was sent over HTTP; subscriptions use the WebSocket protocol. HTTP 400.</summary>
public sealed class SubscriptionOverHttpError : ValidationError
{
    public const string ErrorCode = "SUBSCRIPTION_REQUIRES_WEBSOCKET";

    public SubscriptionOverHttpError(ValidationContext context, GraphQLOperationDefinition operation)
        : base(context.Document.Source, null, "Subscriptions are served over WebSocket (graphql-transport-ws) on this endpoint.", operation)
    {
        Code = ErrorCode;
    }
}

/// <summary>The HTTP request itself could not be read as a GraphQL request (before any parsing).</summary>
public sealed class InvalidGraphQLRequestError : ExecutionError
{
    public InvalidGraphQLRequestError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
