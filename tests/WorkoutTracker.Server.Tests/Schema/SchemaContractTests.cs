using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Schema;

/// <summary>
/// <c>schema/schema.graphql</c> is the contract clients generate types from; it must be exactly the
/// schema the server runs. Refresh it with <c>scripts/refresh-schema.sh</c>.
/// </summary>
public sealed class SchemaContractTests
{
    private static readonly string ContractPath = Path.Combine(TestPostgres.RepositoryRoot, "schema", "schema.graphql");

    [Fact]
    public void Running_schema_matches_schema_graphql()
    {
        var printed = SchemaExport.Print(BuildSchema());
        if (ContractRefresh.Requested())
        {
            File.WriteAllText(ContractPath, printed);
        }

        var contract = File.Exists(ContractPath) ? File.ReadAllText(ContractPath) : "";
        Assert.True(
            contract == printed,
            $"schema/schema.graphql differs from the running schema. Run scripts/refresh-schema.sh and review the diff.\n{FirstDifference(contract, printed)}");
    }

    [Fact]
    public void A_field_added_to_the_schema_is_a_difference_from_the_contract()
    {
        var schema = BuildSchema();
        schema.Query.AddField(new FieldType { Name = "addedWithoutRefresh", Type = typeof(StringGraphType) });

        var printed = SchemaExport.Print(schema);

        Assert.Contains("addedWithoutRefresh", printed, StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(ContractPath), printed);
    }

    private static ISchema BuildSchema()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkoutGraphQL(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider().GetRequiredService<ISchema>();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a)
            {
                return $"line {i + 1}: contract has '{e}', server has '{a}'";
            }
        }

        return "";
    }
}
