namespace WorkoutTracker.Server.Tests.Schema;

/// <summary>
/// Whether the contract tests may rewrite the contract files (<c>WORKOUTTRACKER_REFRESH_SCHEMA=1</c>, set by
/// <c>scripts/refresh-schema.sh</c>). In CI (<c>CI=true</c>) a refresh is refused: a test that rewrites what it
/// checks would always pass, so the contract must be refreshed and reviewed on a developer's machine.
/// </summary>
public static class ContractRefresh
{
    public const string Variable = "WORKOUTTRACKER_REFRESH_SCHEMA";

    /// <summary>True when the files should be rewritten; throws when that is asked for in CI.</summary>
    public static bool Requested()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return false;
        }

        var ci = Environment.GetEnvironmentVariable("CI");
        if (!string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase) && ci != "0")
        {
            throw new InvalidOperationException(
                $"{Variable}=1 is refused in CI (CI={ci}): contract tests must not rewrite the contract they check. " +
                "Run scripts/refresh-schema.sh on your machine, review the diff and commit it.");
        }

        return true;
    }
}
