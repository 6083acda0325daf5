using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkoutTracker.Server.GraphQL.PersistedOperations;

/// <summary>
/// The operations clients may send by id: <c>schema/persisted-operations.json</c>, a JSON object mapping
/// <c>sha256:&lt;hex&gt;</c> (the SHA-256 of the document's exact UTF-8 text) to the document. Generated
/// from <c>schema/operations/*.graphql</c> by <c>scripts/refresh-schema.sh</c>; a test keeps it current.
/// </summary>
public sealed class PersistedOperationManifest
{
    public const string Prefix = "sha256";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly FrozenDictionary<string, string> _documents;

    public PersistedOperationManifest(IReadOnlyDictionary<string, string> documentsById)
    {
        foreach (var (id, document) in documentsById)
        {
            if (id != IdOf(document))
            {
                throw new InvalidDataException($"Persisted operation '{id}' does not match the SHA-256 of its document.");
            }
        }

        _documents = documentsById.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> Documents => _documents;

    /// <summary>The id of a document: <c>sha256:</c> and the lowercase hex SHA-256 of its UTF-8 text.</summary>
    public static string IdOf(string document) =>
        $"{Prefix}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)))}";

    /// <summary>The document for an id given as <c>sha256:&lt;hex&gt;</c> or as the bare hash (Apollo style).</summary>
    public string? Find(string id) =>
        _documents.TryGetValue(id.Contains(':', StringComparison.Ordinal) ? id : $"{Prefix}:{id}", out var document) ? document : null;

    public static PersistedOperationManifest Load(string path)
    {
        using var stream = File.OpenRead(path);
        var documents = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidDataException($"{path} is not a JSON object of id → document.");
        return new PersistedOperationManifest(documents);
    }

    /// <summary>Builds the manifest text from operation files: one document per file, text as written (line endings normalized).</summary>
    public static string Generate(IEnumerable<string> documents)
    {
        var entries = documents
            .Select(d => d.ReplaceLineEndings("\n").Trim() + "\n")
            .ToDictionary(IdOf, d => d, StringComparer.Ordinal)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key, e => e.Value);
        return JsonSerializer.Serialize(entries, Indented) + "\n";
    }
}
