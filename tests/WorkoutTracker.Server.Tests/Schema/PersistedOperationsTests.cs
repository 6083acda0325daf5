using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.PersistedOperations;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Schema;

/// <summary>
/// <c>schema/persisted-operations.json</c> is generated from <c>schema/operations/*.graphql</c>; it must be
/// current, and every operation must be valid against the running schema. Refresh with
/// <c>scripts/refresh-schema.sh</c>.
/// </summary>
public sealed class PersistedOperationsTests
{
    private static readonly string SchemaFolder = Path.Combine(TestPostgres.RepositoryRoot, "schema");
    private static readonly string ManifestPath = Path.Combine(SchemaFolder, "persisted-operations.json");

    public static TheoryData<string> OperationFiles() =>
        [.. Directory.GetFiles(Path.Combine(SchemaFolder, "operations"), "*.graphql").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Manifest_is_generated_from_the_current_operation_files()
    {
        var generated = PersistedOperationManifest.Generate(ReadOperations());
        if (ContractRefresh.Requested())
        {
            File.WriteAllText(ManifestPath, generated);
        }

        Assert.True(File.ReadAllText(ManifestPath) == generated, "schema/persisted-operations.json is stale: run scripts/refresh-schema.sh");
    }

    [Fact]
    public void Manifest_ids_are_the_sha256_of_their_documents()
    {
        var manifest = PersistedOperationManifest.Load(ManifestPath);

        Assert.Equal(OperationFiles().Count, manifest.Documents.Count);
        Assert.All(manifest.Documents, entry => Assert.Equal(PersistedOperationManifest.IdOf(entry.Value), entry.Key));
    }

    [Theory]
    [MemberData(nameof(OperationFiles))]
    public async Task Operation_is_valid_against_the_schema(string file)
    {
        var text = File.ReadAllText(Path.Combine(SchemaFolder, "operations", file));
        var document = Parser.Parse(text);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = Assert.Single(operations);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), operation.Name?.StringValue);

        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema.Value,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            Metrics = Metrics.None,
        });

        // Variable values are the client's at run time; only the document is checked here.
        var documentErrors = result.Errors.Where(e => e is not InvalidVariableError).Select(e => e.Message).ToList();
        Assert.True(documentErrors.Count == 0, string.Join("; ", documentErrors));
    }

    private static readonly Lazy<ISchema> Schema = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkoutGraphQL(new ConfigurationBuilder().Build());
        var schema = services.BuildServiceProvider().GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    });

    private static IEnumerable<string> ReadOperations() =>
        Directory.GetFiles(Path.Combine(SchemaFolder, "operations"), "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText);
}
