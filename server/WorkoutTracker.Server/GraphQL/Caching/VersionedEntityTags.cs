using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using WorkoutTracker.Server.GraphQL.Http;
using WorkoutTracker.Server.GraphQL.PersistedOperations;
using WorkoutTracker.Server.Identity;

namespace WorkoutTracker.Server.GraphQL.Caching;

/// <summary>
/// Entity tags for persisted queries fetched with GET: a hash of the caller, the operation id and name,
/// the variables and the version of every root field the operation selects. Nothing is executed to
/// compute it, so a matching <c>If-None-Match</c> costs only the version reads.
/// </summary>
public sealed class VersionedEntityTags(PersistedOperationManifest manifest, IEnumerable<IRootFieldVersion> versions) : IEntityTagProvider
{
    private readonly Dictionary<string, IRootFieldVersion> _versions = versions.ToDictionary(v => v.FieldName, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string DocumentId, string? OperationName), List<GraphQLField>?> _rootFields = new();

    public async ValueTask<string?> GetEntityTagAsync(GraphQLRequest request, HttpContext context)
    {
        if (request.DocumentId is not { } documentId || CallerOf(context.User) is not { } caller)
        {
            return null;
        }

        var fields = _rootFields.GetOrAdd((documentId, request.OperationName), key => RootFieldsOf(manifest.Find(key.DocumentId), key.OperationName));
        if (fields is null)
        {
            return null;
        }

        var variables = request.Variables ?? (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>();
        var stamp = new StringBuilder().Append(caller).Append('\n').Append(documentId).Append('\n').Append(request.OperationName).Append('\n')
            .Append(JsonSerializer.Serialize(variables)).Append('\n');
        foreach (var field in fields)
        {
            var arguments = field.Arguments?.ToDictionary(a => a.Name.StringValue, a => Evaluate(a.Value, variables), StringComparer.Ordinal)
                ?? new Dictionary<string, object?>(StringComparer.Ordinal);
            var version = await _versions[field.Name.StringValue]
                .GetVersionAsync(new RootFieldRequest(context.User, arguments, context.RequestServices), context.RequestAborted);
            if (version is null)
            {
                return null;
            }

            stamp.Append(field.Alias?.Name.StringValue ?? field.Name.StringValue).Append('=').Append(version).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stamp.ToString()));
        return $"\"{Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_')}\"";
    }

    public string? PartitionOf(HttpContext context) => CallerOf(context.User);

    private static string? CallerOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirstValue(WorkoutClaims.ObjectId) ?? user.FindFirstValue(WorkoutClaims.Subject)
            : null;

    /// <summary>The root fields of the operation when it is a query whose every root field has a version; else null.</summary>
    private List<GraphQLField>? RootFieldsOf(string? document, string? operationName)
    {
        if (document is null)
        {
            return null;
        }

        var operations = Parser.Parse(document).Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is not { Operation: OperationType.Query })
        {
            return null;
        }

        var fields = new List<GraphQLField>();
        foreach (var selection in operation.SelectionSet.Selections)
        {
            if (selection is not GraphQLField field)
            {
                return null;
            }

            if (field.Name.StringValue == "__typename")
            {
                continue;
            }

            if (!_versions.ContainsKey(field.Name.StringValue))
            {
                return null;
            }

            fields.Add(field);
        }

        return fields.Count > 0 ? fields : null;
    }

    private static object? Evaluate(GraphQLValue value, IReadOnlyDictionary<string, object?> variables) => value switch
    {
        GraphQLVariable variable => variables.TryGetValue(variable.Name.StringValue, out var v) ? v : null,
        GraphQLNullValue => null,
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLIntValue i => i.Value.ToString(),
        GraphQLFloatValue f => f.Value.ToString(),
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLListValue list => list.Values?.Select(item => Evaluate(item, variables)).ToList(),
        GraphQLObjectValue obj => obj.Fields?.ToDictionary(f => f.Name.StringValue, f => Evaluate(f.Value, variables)),
        _ => null,
    };
}
