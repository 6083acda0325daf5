using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Schema;

/// <summary>Tests that change process-wide environment variables run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>With <c>CI=true</c>, a contract test asked to refresh the contract fails instead of rewriting it.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ContractRefreshTests
{
    private static readonly string[] ContractFiles =
    [
        Path.Combine(TestPostgres.RepositoryRoot, "schema", "schema.graphql"),
        Path.Combine(TestPostgres.RepositoryRoot, "schema", "persisted-operations.json"),
    ];

    [Fact]
    public void In_ci_the_contract_tests_refuse_to_rewrite_the_contract()
    {
        var before = ContractFiles.Select(f => (File.GetLastWriteTimeUtc(f), File.ReadAllText(f))).ToList();
        using (new EnvironmentVariables(("CI", "true"), (ContractRefresh.Variable, "1")))
        {
            var schema = Assert.Throws<InvalidOperationException>(() => new SchemaContractTests().Running_schema_matches_schema_graphql());
            var manifest = Assert.Throws<InvalidOperationException>(() => new PersistedOperationsTests().Manifest_is_generated_from_the_current_operation_files());

            Assert.Contains("refused in CI", schema.Message, StringComparison.Ordinal);
            Assert.Contains("refused in CI", manifest.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, ContractFiles.Select(f => (File.GetLastWriteTimeUtc(f), File.ReadAllText(f))).ToList());
    }

    [Fact]
    public void Outside_ci_a_refresh_is_allowed_and_without_one_nothing_is_rewritten()
    {
        using (new EnvironmentVariables(("CI", null), (ContractRefresh.Variable, "1")))
        {
            Assert.True(ContractRefresh.Requested());
        }

        using (new EnvironmentVariables(("CI", "true"), (ContractRefresh.Variable, null)))
        {
            Assert.False(ContractRefresh.Requested());
        }
    }

    /// <summary>Sets variables for a scope and restores what they were.</summary>
    private sealed class EnvironmentVariables : IDisposable
    {
        private readonly List<(string Name, string? Value)> _previous = [];

        public EnvironmentVariables(params (string Name, string? Value)[] variables)
        {
            foreach (var (name, value) in variables)
            {
                _previous.Add((name, Environment.GetEnvironmentVariable(name)));
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
