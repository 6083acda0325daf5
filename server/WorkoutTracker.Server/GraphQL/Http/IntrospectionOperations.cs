using GraphQLParser;
using GraphQLParser.AST;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>Recognises operations that select only introspection fields (<c>__typename</c>, <c>__schema</c>, <c>__type</c>).</summary>
public static class IntrospectionOperations
{
    public static bool IsIntrospectionOnly(GraphQLDocument document, GraphQLOperationDefinition operation) =>
        FirstNonIntrospectionField(document, operation) is null;

    /// <summary>The first root field (through fragments) that is not introspection, or null when there is none.</summary>
    public static ASTNode? FirstNonIntrospectionField(GraphQLDocument document, GraphQLOperationDefinition operation) =>
        FirstNonIntrospectionField(operation.SelectionSet, document, new HashSet<string>(StringComparer.Ordinal));

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
