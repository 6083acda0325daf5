using System.Security.Cryptography;
using System.Text;

namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>The operations of schema/operations, as the persisted manifest names them.</summary>
public static class PersistedOperations
{
    public static string TextOf(string operationName) =>
        File.ReadAllText(Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations", operationName + ".graphql")).ReplaceLineEndings("\n").Trim() + "\n";

    public static string HashOf(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public static string IdOf(string operationName) => "sha256:" + HashOf(TextOf(operationName));
}
