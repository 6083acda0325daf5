using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkoutTracker.Bff.Security;

/// <summary>What a GraphQL request names as its document: the text, a documentId, an Apollo APQ hash.</summary>
public sealed record OperationReference(string? Query, string? DocumentId, string? PersistedQueryHash);

/// <summary>The allowlist's answer; <see cref="Code"/> goes to the client as <c>extensions.code</c>.</summary>
public readonly record struct AllowlistDecision(bool Allowed, string? Code, string? Message)
{
    public static AllowlistDecision Allow { get; } = new(true, null, null);

    public static AllowlistDecision Refuse(string code, string message) => new(false, code, message);
}

/// <summary>
/// The operations an athlete (the mobile client) may run: <c>schema/persisted-operations.json</c>, copied
/// beside the BFF. A request passes when every document reference it carries is in the manifest: a
/// <c>documentId</c> (or GET <c>id</c>), <c>extensions.persistedQuery.sha256Hash</c>, and a <c>query</c>
/// text by its SHA-256 (graphql-ws subscribe messages must carry the text). So whatever the server
/// executes is a manifest document.
/// </summary>
public sealed class PersistedOperationAllowlist
{
    public const string RequiredCode = "PERSISTED_QUERY_REQUIRED";
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string InvalidCode = "INVALID_REQUEST";

    private readonly FrozenSet<string> _hashes;

    public PersistedOperationAllowlist(IEnumerable<string> ids) =>
        _hashes = ids.Select(Normalize).OfType<string>().ToFrozenSet(StringComparer.Ordinal);

    public int Count => _hashes.Count;

    /// <summary>Reads the manifest: a JSON object of <c>sha256:&lt;hex&gt;</c> → document; ids must match their documents.</summary>
    public static PersistedOperationAllowlist Load(string path)
    {
        using var stream = File.OpenRead(path);
        var documents = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidDataException($"{path} is not a JSON object of id → document.");
        foreach (var (id, document) in documents)
        {
            if (Normalize(id) != HashOf(document))
            {
                throw new InvalidDataException($"Persisted operation '{id}' in {path} does not match the SHA-256 of its document.");
            }
        }

        return new PersistedOperationAllowlist(documents.Keys);
    }

    public AllowlistDecision Check(OperationReference operation)
    {
        if (operation is { Query: null, DocumentId: null, PersistedQueryHash: null })
        {
            return AllowlistDecision.Refuse(RequiredCode, "Only persisted operations may run here: send a documentId from the manifest.");
        }

        if (operation.Query is not null && !_hashes.Contains(HashOf(operation.Query)))
        {
            return AllowlistDecision.Refuse(RequiredCode, "Only persisted operations may run here: this document is not in the manifest; send its documentId instead.");
        }

        foreach (var id in new[] { operation.DocumentId, operation.PersistedQueryHash })
        {
            if (id is not null && (Normalize(id) is not { } hash || !_hashes.Contains(hash)))
            {
                return AllowlistDecision.Refuse(NotFoundCode, "PersistedQueryNotFound: the operation is not in the manifest.");
            }
        }

        return AllowlistDecision.Allow;
    }

    /// <summary>
    /// The document references of a GraphQL request object (an HTTP body or a graphql-ws subscribe payload).
    /// Names are matched case-insensitively and each may appear once, so the server cannot read a
    /// different value than the one checked here.
    /// </summary>
    public static (OperationReference? Operation, string? Error) Read(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            return (null, "A GraphQL request is a JSON object.");
        }

        string? query = null, documentId = null, hash = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in request.EnumerateObject())
        {
            var name = property.Name.ToLowerInvariant();
            if (name is not ("query" or "documentid" or "id" or "extensions"))
            {
                continue;
            }

            if (!seen.Add(name))
            {
                return (null, $"'{property.Name}' appears more than once.");
            }

            var value = property.Value;
            switch (name)
            {
                case "query" when value.ValueKind is JsonValueKind.String:
                    query = value.GetString();
                    break;
                case "documentid" or "id" when value.ValueKind is JsonValueKind.String:
                    if (documentId is not null)
                    {
                        return (null, "Send one of 'documentId' and 'id'.");
                    }

                    documentId = value.GetString();
                    break;
                case "extensions" when value.ValueKind is JsonValueKind.Object:
                    (hash, var error) = ReadPersistedQueryHash(value);
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    break;
                case "id" when value.ValueKind is not JsonValueKind.Null:
                    break; // not a document id the server reads
                default:
                    if (value.ValueKind is not JsonValueKind.Null)
                    {
                        return (null, $"'{property.Name}' has the wrong type.");
                    }

                    break;
            }
        }

        return (new OperationReference(query, documentId, hash), null);
    }

    /// <summary>The references of a GET request's query string (<c>query</c>, <c>documentId</c>/<c>id</c>, <c>extensions</c>).</summary>
    public static (OperationReference? Operation, string? Error) Read(IQueryCollection parameters)
    {
        string? query = null, documentId = null, hash = null;
        foreach (var (key, values) in parameters)
        {
            var name = key.ToLowerInvariant();
            if (name is not ("query" or "documentid" or "id" or "extensions"))
            {
                continue;
            }

            if (values.Count != 1)
            {
                return (null, $"'{key}' appears more than once.");
            }

            switch (name)
            {
                case "query":
                    query = values[0];
                    break;
                case "documentid" or "id":
                    if (documentId is not null)
                    {
                        return (null, "Send one of 'documentId' and 'id'.");
                    }

                    documentId = values[0];
                    break;
                default:
                    try
                    {
                        using var extensions = JsonDocument.Parse(values[0] ?? "null");
                        if (extensions.RootElement.ValueKind == JsonValueKind.Object)
                        {
                            (hash, var error) = ReadPersistedQueryHash(extensions.RootElement);
                            if (error is not null)
                            {
                                return (null, error);
                            }
                        }
                    }
                    catch (JsonException)
                    {
                        return (null, "'extensions' is not JSON.");
                    }

                    break;
            }
        }

        return (new OperationReference(query, documentId, hash), null);
    }

    private static (string? Hash, string? Error) ReadPersistedQueryHash(JsonElement extensions)
    {
        JsonElement? persistedQuery = null;
        foreach (var property in extensions.EnumerateObject())
        {
            if (property.NameEquals("persistedQuery") || string.Equals(property.Name, "persistedQuery", StringComparison.OrdinalIgnoreCase))
            {
                if (persistedQuery is not null)
                {
                    return (null, "'persistedQuery' appears more than once.");
                }

                persistedQuery = property.Value;
            }
        }

        if (persistedQuery is not { ValueKind: JsonValueKind.Object } apq)
        {
            return (null, null);
        }

        string? hash = null;
        foreach (var property in apq.EnumerateObject())
        {
            if (string.Equals(property.Name, "sha256Hash", StringComparison.OrdinalIgnoreCase))
            {
                if (hash is not null || property.Value.ValueKind != JsonValueKind.String)
                {
                    return (null, "'sha256Hash' must be one string.");
                }

                hash = property.Value.GetString();
            }
        }

        return (hash, null);
    }

    /// <summary>The lowercase hex SHA-256 of a document's UTF-8 text (as the manifest's ids are made).</summary>
    public static string HashOf(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary><c>sha256:&lt;hex&gt;</c> or a bare hash → lowercase hex, or null when it is neither.</summary>
    private static string? Normalize(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? id[7..] : id;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex.ToLowerInvariant() : null;
    }
}
