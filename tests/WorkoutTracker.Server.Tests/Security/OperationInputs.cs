using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>One input position of a persisted operation: a variable, or a field inside an input-object variable.</summary>
public sealed record InputField(string Operation, string OperationType, IReadOnlyList<string> Path, string TypeName)
{
    public override string ToString() => $"{Operation}: ${string.Join('.', Path)} ({TypeName})";
}

/// <summary>
/// Every input position of every operation of <c>schema/operations</c> (the persisted manifest), read from the
/// documents' variable definitions and the running schema's input types, nested input objects included.
/// </summary>
public static class OperationInputs
{
    public static IReadOnlyList<InputField> All(ISchema schema)
    {
        var fields = new List<InputField>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations"), "*.graphql").Order(StringComparer.Ordinal))
        {
            var document = Parser.Parse(File.ReadAllText(file));
            var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
            var type = operation.Operation.ToString().ToLowerInvariant();
            foreach (var variable in operation.Variables?.Items ?? [])
            {
                Walk(schema, operation.Name!.StringValue, type, [variable.Variable.Name.StringValue], Print(variable.Type), NamedType(variable.Type), fields);
            }
        }

        return fields;
    }

    private static void Walk(ISchema schema, string operation, string type, List<string> path, string typeName, string namedType, List<InputField> fields)
    {
        fields.Add(new InputField(operation, type, [.. path], typeName));
        if (typeName.StartsWith('[') || schema.AllTypes[namedType] is not IInputObjectGraphType input)
        {
            return;
        }

        foreach (var field in input.Fields)
        {
            Walk(schema, operation, type, [.. path, field.Name], field.ResolvedType!.ToString()!, NamedOf(field.ResolvedType!), fields);
        }
    }

    private static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        GraphQLListType list => NamedType(list.Type),
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException(type.GetType().Name),
    };

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException(type.GetType().Name),
    };

    private static string NamedOf(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => NamedOf(nonNull.ResolvedType!),
        ListGraphType list => NamedOf(list.ResolvedType!),
        _ => type.Name,
    };
}
