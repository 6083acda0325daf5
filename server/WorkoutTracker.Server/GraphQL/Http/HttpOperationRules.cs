using GraphQL.Validation;
using GraphQLParser;
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

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var node = FirstNonIntrospectionField(context.Operation.SelectionSet, context.Document, visited);
        if (node is not null)
        {
            context.ReportError(new AuthenticationRequiredError(context, node));
        }

        return default;
    }

    private static ASTNode? FirstNonIntrospectionField(GraphQLSelectionSet selectionSet, GraphQLDocument document, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when !field.Name.Value.Span.StartsWith("__"):
                    return field;
                case GraphQLInlineFragment inline:
                    if (FirstNonIntrospectionField(inline.SelectionSet, document, visited) is { } inInline)
                    {
                        return inInline;
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.Value;
                    if (visited.Add(name.ToString()) && document.FindFragmentDefinition(name) is { } fragment &&
                        FirstNonIntrospectionField(fragment.SelectionSet, document, visited) is { } inFragment)
                    {
                        return inFragment;
                    }

                    break;
            }
        }

        return null;
    }
}
