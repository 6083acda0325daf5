using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>The schema as SDL, sorted and with descriptions: the form kept in <c>schema/schema.graphql</c>.</summary>
public static class SchemaExport
{
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
