using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>One case asked and judged: the reply and the metrics of every property that applies.</summary>
public sealed record CaseResult(EvalCase Case, CoachAnswer Answer, IReadOnlyList<BooleanMetric> Metrics)
{
    public bool Passed => Metrics.All(m => m.Value == true);

    public IEnumerable<string> Failures => Metrics.Where(m => m.Value != true).Select(m => $"{m.Name}: {m.Reason}");
}

/// <summary>
/// Asks the evaluation's questions through the server's GraphQL API (real HTTP, tokens from the
/// development issuer, a coach's questions with <c>athleteId</c>) and judges each reply with
/// <see cref="CoachEvaluators"/>. Whether the offline coach or a model answers is the server's
/// configuration; the runner does not know.
/// </summary>
public sealed class CoachEvalRunner(CoachEvalSet set, IReadOnlyDictionary<string, EvalPerson> people, Uri server, IServiceProvider services)
{
    private const string CoachQuery = """
        query Coach($question: String!, $athleteId: ID) {
          coach(question: $question, athleteId: $athleteId) { answer source toolCalls citations { kind ref value } }
        }
        """;

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly IEvaluator _evaluator = CoachEvaluators.All();
    private IReadOnlyDictionary<string, IReadOnlyList<decimal>>? _numbers;

    public async Task<CaseResult> RunAsync(EvalCase @case, CancellationToken ct = default)
    {
        var athlete = people[@case.Athlete];
        var asker = @case.AskedByCoach ? people[EvalAthletes.Coach] : athlete;
        var answer = await AskAsync(asker, @case.Question, @case.AskedByCoach ? athlete.Id : null, ct);

        var falseCitations = new List<string>();
        foreach (var citation in answer.Citations)
        {
            var kind = CoachEvaluators.KindName(citation.Kind);
            var truth = await CitationTruth.TruthAsync(services, athlete.Id, kind, citation.Ref);
            if (truth != citation.Value)
            {
                falseCitations.Add($"{kind} {citation.Ref} = {citation.Value.ToString(CultureInfo.InvariantCulture)} (theirs: {truth?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
            }
        }

        var numbers = await OtherNumbersAsync(ct);
        var others = set.Athletes.Where(a => a.Key != @case.Athlete && people.ContainsKey(a.Key))
            .Select(a => new OtherAthlete(people[a.Key].Name, numbers[a.Key]))
            .ToList();
        var context = new CoachCaseContext(set, @case, athlete, answer, falseCitations, others, await AskedExerciseAsync(@case.Question, athlete.Id, ct));
        var result = await _evaluator.EvaluateAsync(
            [new ChatMessage(ChatRole.User, @case.Question)],
            new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text)),
            additionalContext: [context],
            cancellationToken: ct);
        var metrics = CoachEvaluators.Properties.Select(p => result.TryGet<BooleanMetric>(p, out var m) ? m : null).OfType<BooleanMetric>().ToList();
        return new CaseResult(@case, answer, metrics);
    }

    public async Task<IReadOnlyList<CaseResult>> RunAllAsync(Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        var results = new List<CaseResult>();
        foreach (var @case in set.Cases)
        {
            var result = await RunAsync(@case, ct);
            progress?.Invoke(result);
            results.Add(result);
        }

        return results;
    }

    /// <summary>The exercise the question names, preferring the athlete's own lifts and equipment, as the coach reads it.</summary>
    private async Task<string?> AskedExerciseAsync(string question, Guid athleteId, CancellationToken ct)
    {
        var catalog = await services.GetRequiredService<ExerciseCatalogCache>().AllAsync();
        var trained = (await services.GetRequiredService<WeeklyPlanService>().LoadProgressAsync(athleteId, ct)).Keys.ToHashSet(StringComparer.Ordinal);
        var profile = (await services.GetRequiredService<ProfileService>().GetAsync(athleteId, ct)).ToTrainingProfile();
        return CoachQuestion.Read(question).NamedExercise(catalog, trained, profile.CanDo)?.Id;
    }

    private async Task<CoachAnswer> AskAsync(EvalPerson asker, string question, Guid? athleteId, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, asker, ct));
        using var response = await http.PostAsJsonAsync("/graphql", new { query = CoachQuery, variables = new { question, athleteId } }, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        if (body["data"]?["coach"] is not { } reply)
        {
            // No answer (COACH_UNAVAILABLE with Coach:Model:OnFailure=Error): judged as an empty reply.
            var code = body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return new CoachAnswer("", [], [], $"ERROR {code}");
        }

        return new CoachAnswer(
            reply["answer"]!.GetValue<string>(),
            [.. reply["citations"]!.AsArray().Select(c => new Citation(
                Enum.Parse<CitationKind>(c!["kind"]!.GetValue<string>().Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
                c["ref"]!.GetValue<string>(),
                (decimal)c["value"]!.GetValue<double>()))],
            [.. reply["toolCalls"]!.AsArray().Select(t => t!.GetValue<string>())],
            reply["source"]!.GetValue<string>());
    }

    private async Task<string> TokenAsync(HttpClient http, EvalPerson person, CancellationToken ct)
    {
        if (!_tokens.TryGetValue(person.Key, out var token))
        {
            using var response = await http.PostAsJsonAsync("/dev/token", new { email = person.Email, password = person.Password }, ct);
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
            _tokens[person.Key] = token;
        }

        return token;
    }

    /// <summary>Every athlete's record loads and e1RMs (kg): what must not turn up in an answer about someone else.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<decimal>>> OtherNumbersAsync(CancellationToken ct)
    {
        if (_numbers is null)
        {
            var history = services.GetRequiredService<TrainingHistory>();
            var numbers = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal);
            foreach (var athlete in set.Athletes.Where(a => people.ContainsKey(a.Key)))
            {
                var records = await history.PersonalRecordsAsync(people[athlete.Key].Id, null, ct);
                numbers[athlete.Key] = [.. records.SelectMany(r => new[] { r.LoadKg, r.E1rmKg }).Distinct()];
            }

            _numbers = numbers;
        }

        return _numbers;
    }
}
