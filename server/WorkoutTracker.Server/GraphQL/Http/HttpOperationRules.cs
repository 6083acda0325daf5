using GraphQL.Validation;
using GraphQLParser.AST;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// Which operation kinds a plain HTTP request may run: GET only queries (GET must be safe),
/// POST queries and mutations. Subscriptions belong to the WebSocket transport.
/// </summary>
public sealed class HttpOperationRule : ValidationRuleBase
{
    public static readonly HttpOperationRule ForGet = new(isGet: true);
    public static readonly HttpOperationRule ForPost = new(isGet: false);

    private readonly bool _isGet;

    private HttpOperationRule(bool isGet) => _isGet = isGet;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation == OperationType.Subscription)
        {
            context.ReportError(new SubscriptionOverHttpError(context, operation));
        }
        else if (_isGet && operation.Operation != OperationType.Query)
        {
            context.ReportError(new OperationNotAllowedOverGetError(context, operation));
        }

        return default;
    }
}

/// <summary>
/// Refuses an operation from an anonymous caller unless it selects only introspection fields
/// (<c>__typename</c>, <c>__schema</c>, <c>__type</c>), so tools can read the schema without a token.
/// </summary>
public sealed class RequireAuthenticatedUserRule : ValidationRuleBase
{
    public static readonly RequireAuthenticatedUserRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.User?.Identity?.IsAuthenticated == true)
        {
            return default;
        }

        var node = IntrospectionOperations.FirstNonIntrospectionField(context.Document, context.Operation);
        if (node is not null)
        {
            context.ReportError(new AuthenticationRequiredError(context, node));
        }

        return default;
    }
}
