using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// Refuses documents whose fragments expand to more field selections than allowed, before validation
/// runs: a "fragment bomb" (each fragment spreading the next twice) is a few hundred bytes that expand
/// to billions of fields, and validating it would take the server down. Fragment sizes are memoised,
/// so the check is linear in the document.
/// </summary>
public static class DocumentSizeGuard
{
    public const string ErrorCode = "DOCUMENT_TOO_LARGE";

    /// <summary>
    /// The error to answer when <paramref name="query"/> expands beyond <paramref name="maxSelections"/>;
    /// otherwise null, with the parsed <paramref name="document"/> (null when there is no query or it does not parse).
    /// The transport does not hand the parsed document on: GraphQL.NET's persisted-document step must see
    /// the request as the client sent it, and parsing twice costs microseconds.
    /// </summary>
    public static global::GraphQL.ExecutionError? Check(string? query, int maxSelections, out GraphQLDocument? document)
    {
        var selections = 0;
        document = query is null ? null : Measure(query, out selections);
        if (document is null || selections <= maxSelections)
        {
            return null;
        }

        document = null;
        return new InvalidGraphQLRequestError(ErrorCode, $"The document selects {(selections == int.MaxValue ? "billions of" : selections.ToString(System.Globalization.CultureInfo.InvariantCulture))} fields once its fragments are expanded; at most {maxSelections} are allowed.");
    }

    /// <summary>
    /// Parses <paramref name="query"/> and counts its expanded field selections. Returns the parsed
    /// document (to execute without parsing again), or null when it does not parse (execution reports
    /// the syntax error); <paramref name="selections"/> is the largest operation's count.
    /// </summary>
    public static GraphQLDocument? Measure(string query, out int selections)
    {
        selections = 0;
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            return null;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var size = Count(operation.SelectionSet, fragments, sizes, []);
            selections = (int)Math.Min(int.MaxValue, Math.Max(selections, size));
        }

        return document;
    }

    private static long Count(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, HashSet<string> visiting)
    {
        if (set is null)
        {
            return 0;
        }

        long total = 0;
        foreach (var selection in set.Selections)
        {
            total += selection switch
            {
                GraphQLField field => 1 + Count(field.SelectionSet, fragments, sizes, visiting),
                GraphQLInlineFragment inline => Count(inline.SelectionSet, fragments, sizes, visiting),
                GraphQLFragmentSpread spread => SizeOf(spread.FragmentName.Name.StringValue, fragments, sizes, visiting),
                _ => 0,
            };

            if (total > int.MaxValue)
            {
                return total;
            }
        }

        return total;
    }

    private static long SizeOf(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, HashSet<string> visiting)
    {
        if (sizes.TryGetValue(name, out var known))
        {
            return known;
        }

        // Unknown and cyclic fragments are validation errors reported later; they add nothing here.
        if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name))
        {
            return 0;
        }

        var size = Count(fragment.SelectionSet, fragments, sizes, visiting);
        visiting.Remove(name);
        sizes[name] = size;
        return size;
    }
}
