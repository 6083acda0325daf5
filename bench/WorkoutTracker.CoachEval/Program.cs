using System.Diagnostics;
using Npgsql;
using WorkoutTracker.CoachEvaluation;

// The coach's evaluation set against a model: bench/coach-eval/run.sh [options] (see the README's "Coach evaluation").
var options = EvalOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(EvalOptions.Usage);
    return 2;
}

// The server's content root (its appsettings.json is copied beside this program); the test host would
// otherwise look for it from the current folder.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WORKOUTTRACKER_SERVER", AppContext.BaseDirectory);
var set = CoachEvalSet.Load(options.SetPath);
await using var fake = options.Fake ? new FakeChatModel { Script = ScriptedCoachModel.Answer } : null;
var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
{
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
};
if (fake is not null)
{
    await fake.StartAsync();
    options = options with { Endpoint = fake.Endpoint.ToString(), ModelId = "scripted-fake" };
}

if (options.Endpoint is not null)
{
    settings["Coach:Model:Endpoint"] = options.Endpoint;
    settings["Coach:Model:ModelId"] = options.ModelId;
    settings["Coach:Model:ApiKey"] = options.ApiKey;
    settings["Coach:Model:Provider"] = options.Provider;
    settings["Coach:Model:Timeout"] = options.Timeout;
    // A model that fails is scored as no answer, not rescued by the offline coach.
    settings["Coach:Model:OnFailure"] = "Error";
}

var connectionString = await EvalDatabase.CreateAsync();
try
{
    await using var host = new CoachEvalHost(connectionString, set.Today, settings);
    host.Start();
    var people = await EvalAthletes.SeedAsync(host.Services, set.Today);
    var runner = new CoachEvalRunner(set, people, host.BaseAddress, host.Services);
    Console.WriteLine($"Asking {set.Cases.Count} questions ({(options.Endpoint is null ? "offline coach" : $"model {options.ModelId} at {options.Endpoint}")}), today {set.Today:yyyy-MM-dd dddd}…");
    var clock = Stopwatch.StartNew();
    var results = await runner.RunAllAsync(result =>
    {
        if (options.ShowAnswers)
        {
            Console.WriteLine($"--- {result.Case.Id} [{result.Answer.Source}] {result.Case.Question}\n{result.Answer.Text}\n");
        }
    });
    Console.WriteLine();
    Console.Write(ScoreTable.Format(results));
    Console.WriteLine($"\n({clock.Elapsed.TotalSeconds:0} s)");
    return 0;
}
finally
{
    await EvalDatabase.DropAsync(connectionString);
}

/// <summary>The command line: a model (OpenAI-compatible endpoint), the scripted fake, or none (the offline coach).</summary>
internal sealed record EvalOptions(string? Endpoint, string? ModelId, string? ApiKey, string Provider, string Timeout, bool Fake, bool ShowAnswers, string? SetPath)
{
    public const string Usage = """
        usage: bench/coach-eval/run.sh [--endpoint URL --model ID [--api-key KEY] [--provider OpenAI|AzureOpenAI] [--timeout 00:01:00]] [--fake] [--answers] [--set FILE]
          --endpoint URL  an OpenAI-compatible base URL (…/v1), or an Azure OpenAI resource URL with --provider AzureOpenAI
          --fake          the scripted fake model the tests use (a deliberately naive model, to see the table discriminate)
          (neither)       the offline coach
          --answers       print every answer
        Environment: COACH_EVAL_ENDPOINT, COACH_EVAL_MODEL, COACH_EVAL_API_KEY stand in for the options.
        """;

    public static EvalOptions? Parse(string[] args)
    {
        var o = new EvalOptions(
            Environment.GetEnvironmentVariable("COACH_EVAL_ENDPOINT"),
            Environment.GetEnvironmentVariable("COACH_EVAL_MODEL"),
            Environment.GetEnvironmentVariable("COACH_EVAL_API_KEY"),
            "OpenAI",
            "00:01:00",
            false,
            false,
            null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--endpoint" => o with { Endpoint = Next() },
                "--model" => o with { ModelId = Next() },
                "--api-key" => o with { ApiKey = Next() },
                "--provider" => o with { Provider = Next() },
                "--timeout" => o with { Timeout = Next() },
                "--fake" => o with { Fake = true },
                "--answers" => o with { ShowAnswers = true },
                "--set" => o with { SetPath = Next() },
                _ => null!,
            };
            if (o is null)
            {
                return null;
            }
        }

        return o.Endpoint is not null && o.ModelId is null ? null : o;
    }
}

/// <summary>A fresh database on the project-local PostgreSQL (scripts/postgres.sh), dropped afterwards.</summary>
internal static class EvalDatabase
{
    public static async Task<string> CreateAsync()
    {
        var server = Run(Path.Combine(Root(), "scripts", "postgres.sh"), "connection-string");
        var name = $"wt_coacheval_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WorkoutTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from the repository (WorkoutTracker.sln not found above the program)");
    }

    private static string Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {arguments} failed");
    }
}
