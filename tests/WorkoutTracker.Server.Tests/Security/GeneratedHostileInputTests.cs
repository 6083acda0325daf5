using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Logbook;
using WorkoutTracker.Server.Tests.Sessions;
using Xunit.Abstractions;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>
/// Property-based hostile input (CsCheck): every input position of every persisted operation gets generated
/// hostile values (numbers for ids, extreme numbers, empty/NUL/200 KB strings, wrong types, nested objects)
/// while the rest of the request stays valid. Each answer must be a client error or data, never a 5xx; every
/// error must carry one of the codes the API documents; a refused request must write nothing. Subscriptions
/// go over the WebSocket: an <c>error</c> message with specific codes, or a live subscription.
/// </summary>
public sealed class GeneratedHostileInputTests(GeneratedHostileInputTests.World world, ITestOutputHelper output)
    : IClassFixture<GeneratedHostileInputTests.World>
{
    /// <summary>Generated values per input position (and so per property run).</summary>
    private const int SamplesPerField = 12;

    /// <summary>The codes a refusal may carry: the domain's, GraphQL.NET's input and document errors, the transport's.</summary>
    private static readonly HashSet<string> SpecificCodes =
    [
        "VALIDATION", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "SESSION_FINISHED", "IDEMPOTENCY_CONFLICT", "SESSION_ID_TAKEN",
        "COACH_LINK_STATE", "INVALID_VALUE", "VARIABLES_IN_ALLOWED_POSITION", "ARGUMENTS_OF_CORRECT_TYPE", "REQUEST_TOO_LARGE",
        "INVALID_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "COMPLEXITY", "EXERCISE_NAME_TAKEN", "EXERCISE_ID_TAKEN",
    ];

    /// <summary>An athlete with an open session holding one set, and a coach; <see cref="EnsureFixturesAsync"/> keeps them usable.</summary>
    public sealed class World : KestrelWorkoutApiFactory
    {
        public HttpClient Athlete { get; private set; } = null!;

        public HttpClient Coach { get; private set; } = null!;

        public string SessionId { get; private set; } = "";

        public string SetId { get; private set; } = "";

        /// <summary>The athlete's first plan day (edits undone) and an exercise that can replace its first exercise.</summary>
        public (List<string> DayOne, string Swap) Plan { get; private set; } = ([], "");

        /// <summary>A pending request from a coach to the athlete (accepting or ending it is valid).</summary>
        public string LinkId { get; private set; } = "";

        /// <summary>A coach linked to the athlete (proposing plan changes to them is valid).</summary>
        public HttpClient LinkedCoach { get; private set; } = null!;

        /// <summary>An open proposal of the linked coach on the athlete's current week (deciding it is valid).</summary>
        public string ProposalId { get; private set; } = "";

        public string AthleteId { get; private set; } = "";

        private string _athleteEmail = "";

        public override async Task InitializeAsync()
        {
            With("RateLimiting:GraphQL:PermitLimit", "1000000");
            await base.InitializeAsync();
            var athlete = await CreateUserAsync(UserRole.Athlete);
            _athleteEmail = athlete.Email;
            Athlete = await CreateClientForAsync(athlete);
            Coach = await CreateClientForAsync(await CreateUserAsync(UserRole.Coach));
            AthleteId = (await Athlete.PostGraphQLAsync("{ me { id } }")).Payload("me")["id"]!.GetValue<string>();
            await EnsureFixturesAsync();
        }

        /// <summary>A hostile value that happened to be valid may have finished the session or deleted the set: make new ones.</summary>
        public async Task EnsureFixturesAsync()
        {
            await using var db = await CreateDbAsync();
            var sessionId = Guid.TryParse(SessionId, out var s) ? s : Guid.Empty;
            var setId = Guid.TryParse(SetId, out var x) ? x : Guid.Empty;
            if (!await db.Sessions.AnyAsync(session => session.Id == sessionId && session.FinishedAt == null))
            {
                SessionId = await Athlete.StartSessionAsync();
                SetId = "";
            }

            if (!await db.Sets.AnyAsync(set => set.Id == setId))
            {
                SetId = (await Athlete.LogSetAsync(SessionId)).Payload("logSet")["setId"]!.GetValue<string>();
            }

            // An accepted plan edit changed the week: undo it, and read the day as it is (a profile change may have changed it).
            await db.PlanEdits.ExecuteDeleteAsync();
            var day = (await Athlete.PlanAsync()).ExerciseIds(1);
            var swaps = (await Athlete.PostGraphQLAsync("query($e: ID!) { exerciseSwaps(exerciseId: $e, first: 20) { id } }", new { e = day[0] })).Payload("exerciseSwaps").AsArray();
            Plan = (day, swaps.Select(x => x!["id"]!.GetValue<string>()).First(id => !day.Contains(id)));

            var linkId = Guid.TryParse(LinkId, out var l) ? l : Guid.Empty;
            if (!await db.CoachLinks.AnyAsync(link => link.Id == linkId && link.Status == WorkoutTracker.Server.Coaching.CoachLinkStatus.Pending))
            {
                // A coach of its own each time: the previous one may be linked already (a hostile value can accept).
                using var coach = await CreateClientForAsync(await CreateUserAsync(UserRole.Coach));
                LinkId = (await coach.PostGraphQLAsync(
                        "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
                        new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = _athleteEmail } }))
                    .Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
            }

            if (LinkedCoach is null || !await db.CoachLinks.AnyAsync(link => link.AthleteId == Guid.Parse(AthleteId) && link.Status == WorkoutTracker.Server.Coaching.CoachLinkStatus.Active))
            {
                LinkedCoach?.Dispose();
                LinkedCoach = await CreateClientForAsync(await CreateUserAsync(UserRole.Coach));
                var link = (await LinkedCoach.PostGraphQLAsync(
                        "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
                        new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = _athleteEmail } }))
                    .Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
                (await Athlete.PostGraphQLAsync(
                        "mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { id } } }",
                        new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId = link } }))
                    .Payload("acceptCoachLink");
            }

            // The week's plan may have changed since (a profile or an edit): a proposal made now is not stale.
            ProposalId = (await LinkedCoach.PostGraphQLAsync(
                    "mutation($i: ProposePlanChangesInput!) { proposePlanChanges(input: $i) { proposal { id } } }",
                    new { i = ProposeInput(Guid.NewGuid().ToString()) }))
                .Payload("proposePlanChanges")["proposal"]!["id"]!.GetValue<string>();
        }

        private object ProposeInput(string clientMutationId) => new
        {
            clientMutationId,
            athleteId = AthleteId,
            summary = "One lighter day.",
            items = new[] { new { dayNumber = 1, exerciseId = Plan.DayOne[0], kind = "SKIP", why = "Knee sore after Tuesday (RPE 9 on 5 sets)." } },
        };

        /// <summary>Valid variables for an operation, with fresh clientMutationIds.</summary>
        public JsonObject Baseline(string operation)
        {
            string Id() => Guid.NewGuid().ToString();
            return operation switch
            {
                "Athletes" or "BodyMap" or "WeeklyPlan" or "PersonalRecords" or "Me" or "Profile" or "AthleteActivity" or "CoachLinks" => [],
                "RequestCoachLink" => new() { ["input"] = new JsonObject { ["clientMutationId"] = Id(), ["email"] = $"coach-{Id()}@example.org" } },
                "AcceptCoachLink" or "EndCoachLink" => new() { ["input"] = new JsonObject { ["clientMutationId"] = Id(), ["linkId"] = LinkId } },
                "SessionUpdated" or "CopilotUpdated" => new() { ["sessionId"] = SessionId },
                "Coach" => new() { ["question"] = "What are my records?" },
                "Copilot" => new() { ["sessionId"] = SessionId },
                "DeleteSet" => new() { ["input"] = new JsonObject { ["clientMutationId"] = Id(), ["setId"] = SetId } },
                "E1rmHistory" => new() { ["exerciseId"] = "barbell-back-squat" },
                "Exercises" => new() { ["filter"] = new JsonObject { ["muscle"] = "CALVES" } },
                "FinishSession" => new() { ["input"] = new JsonObject { ["clientMutationId"] = Id(), ["sessionId"] = SessionId } },
                "LogSet" => new()
                {
                    ["input"] = new JsonObject
                    {
                        ["clientMutationId"] = Id(), ["sessionId"] = SessionId, ["exerciseId"] = "barbell-back-squat", ["loadKg"] = 100, ["reps"] = 5, ["rpe"] = 8,
                    },
                },
                "Session" => new() { ["id"] = SessionId },
                "Sessions" => new() { ["first"] = 5 },
                "StartSession" => new() { ["input"] = new JsonObject { ["clientMutationId"] = Id() } },
                "UpdateProfile" => new()
                {
                    ["input"] = new JsonObject
                    {
                        ["clientMutationId"] = Id(), ["sessionMinutes"] = 60, ["timeZone"] = "Europe/Berlin", ["loading"] = new JsonObject { ["dumbbellStep"] = 2 },
                    },
                },
                "UpdateSet" => new() { ["input"] = new JsonObject { ["clientMutationId"] = Id(), ["setId"] = SetId, ["loadKg"] = 100, ["reps"] = 5 } },
                "ExerciseNotes" => [],
                "SessionHistory" => new() { ["first"] = 5 },
                "ExerciseSwaps" or "ExerciseHistory" => new() { ["exerciseId"] = "barbell-back-squat", ["first"] = 5 },
                "ResetWeeklyPlan" => new() { ["input"] = new JsonObject { ["clientMutationId"] = Id() } },
                "SwapPlannedExercise" => Input(new() { ["dayNumber"] = 1, ["exerciseId"] = Plan.DayOne[0], ["withExerciseId"] = Plan.Swap }),
                "SkipPlannedExercise" => Input(new() { ["dayNumber"] = 1, ["exerciseId"] = Plan.DayOne[0] }),
                "AddPlannedExercise" => Input(new() { ["dayNumber"] = 1, ["exerciseId"] = Plan.Swap, ["sets"] = 3 }),
                "ChangePlannedTargets" => Input(new() { ["dayNumber"] = 1, ["exerciseId"] = Plan.DayOne[0], ["sets"] = 2, ["repsMin"] = 5, ["repsMax"] = 8 }),
                "GroupPlannedSuperset" => Input(new() { ["dayNumber"] = 1, ["exerciseIds"] = new JsonArray(Plan.DayOne[0], Plan.DayOne[1]) }),
                "AddSessionExercise" => Input(new() { ["sessionId"] = SessionId, ["exerciseId"] = "plank" }),
                "GroupSessionSuperset" => Input(new() { ["sessionId"] = SessionId, ["exerciseIds"] = new JsonArray("plank", "pull-up") }),
                "SetSessionNote" => Input(new() { ["sessionId"] = SessionId, ["note"] = "Good session." }),
                "SetExerciseNote" => Input(new() { ["exerciseId"] = "plank", ["note"] = "Squeeze the glutes." }),
                "CoachProposal" => new() { ["question"] = "What should I change next week?" },
                "PlanProposals" => [],
                "PlanProposalHistory" => new() { ["first"] = 5 },
                "ProposePlanChanges" => new() { ["input"] = JsonSerializer.SerializeToNode(ProposeInput(Id())) },
                "DecidePlanProposal" => Input(new() { ["proposalId"] = ProposalId, ["acceptedItems"] = new JsonArray(0) }),
                "CreateExercise" => Input(new()
                {
                    ["name"] = "Lift " + Id(), ["pattern"] = "CORE", ["loading"] = "BODYWEIGHT", ["primaryMuscles"] = new JsonArray("ABS"),
                }),
                _ => throw new InvalidOperationException($"No baseline for {operation}: add one when adding an operation."),
            };
        }

        private static JsonObject Input(JsonObject fields)
        {
            fields["clientMutationId"] = Guid.NewGuid().ToString();
            return new JsonObject { ["input"] = fields };
        }

        public HttpClient ClientFor(string operation) => operation switch
        {
            "Athletes" => Coach,
            "ProposePlanChanges" => LinkedCoach,
            _ => Athlete,
        };

        /// <summary>Every table a request could write, in one statement.</summary>
        public async Task<string> SnapshotAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT concat_ws(',',
                  (SELECT count(*) FROM users), (SELECT count(*) FROM sessions), (SELECT count(*) FROM sessions WHERE finished_at IS NULL),
                  (SELECT count(*) FROM sets), (SELECT coalesce(sum(load_kg * 1000 + reps), 0) FROM sets), (SELECT count(*) FROM idempotency_records),
                  (SELECT count(*) FROM coach_links), (SELECT count(*) FROM athlete_profiles), (SELECT coalesce(sum(plan_version), 0) FROM athlete_profiles),
                  (SELECT coalesce(sum(volume_load_kg), 0) FROM body_map_muscles),
                  (SELECT count(*) FROM exercises), (SELECT coalesce(sum(version), 0) FROM plan_edits), (SELECT count(*) FROM exercise_notes),
                  (SELECT count(*) FROM session_exercises), (SELECT count(*) FROM sessions WHERE note IS NOT NULL),
                  (SELECT count(*) FROM plan_proposals), (SELECT count(*) FROM plan_proposals WHERE decided_at IS NOT NULL))
                """,
                connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Athlete?.Dispose();
                Coach?.Dispose();
                LinkedCoach?.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    public static TheoryData<string> Operations() => [.. OperationNames()];

    private static IEnumerable<string> OperationNames() =>
        Directory.GetFiles(Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations"), "*.graphql")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    [Fact]
    public async Task Every_baseline_request_is_valid_so_a_refusal_is_the_hostile_values_doing()
    {
        foreach (var operation in HttpOperations())
        {
            await world.EnsureFixturesAsync();
            var response = await SendAsync(operation, world.Baseline(operation));
            Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, $"{operation}: {response}");
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Hostile_values_in_any_input_field_get_a_specific_client_error_and_write_nothing(string operation)
    {
        var fields = OperationInputs.All(world.Services.GetRequiredService<ISchema>()).Where(f => f.Operation == operation).ToList();
        var subscription = !HttpOperations().Contains(operation);
        var report = new StringBuilder();
        foreach (var field in fields)
        {
            var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
            await HostileValues.Any.SampleAsync(
                async value =>
                {
                    var outcome = subscription ? await TrySubscribeAsync(field, value) : await TryAsync(field, value);
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                },
                iter: SamplesPerField,
                threads: 1,
                print: HostileValues.Print);
            report.AppendLine($"{field,-70} {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} ×{o.Value}"))}");
        }

        output.WriteLine(report.ToString());
    }

    /// <summary>Sends the operation with <paramref name="value"/> at the field's position; returns how it was answered.</summary>
    private async Task<string> TryAsync(InputField field, JsonNode? value)
    {
        await world.EnsureFixturesAsync();
        var variables = world.Baseline(field.Operation);
        Place(variables, field.Path, value);
        var before = await world.SnapshotAsync();

        var response = await SendAsync(field.Operation, variables);

        Assert.True((int)response.Status < 500, $"{field} = {HostileValues.Print(value)}: {Short(response)}");
        if (response.Errors is not { Count: > 0 } errors)
        {
            Assert.True(response.Status == HttpStatusCode.OK && response.Data is not null, $"{field} = {HostileValues.Print(value)}: neither data nor errors: {Short(response)}");
            return "accepted";
        }

        var codes = errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();
        Assert.True(
            codes.All(c => c is not null && SpecificCodes.Contains(c)),
            $"{field} = {HostileValues.Print(value)}: an error without a specific code: {Short(response)}");
        Assert.True(
            response.Data?[Root(field.Operation)] is null || response.Data is null,
            $"{field} = {HostileValues.Print(value)}: errors and data together: {Short(response)}");
        Assert.True(before == await world.SnapshotAsync(), $"{field} = {HostileValues.Print(value)} was refused ({string.Join(",", codes)}) but wrote");
        return $"{(int)response.Status} {string.Join("+", codes.Distinct())}";
    }

    /// <summary>
    /// Subscribes over the WebSocket with <paramref name="value"/> in place: the server either answers an
    /// <c>error</c> message for the operation (with specific codes) or the subscription goes live (a new
    /// subscriber on the event log). Either way the socket stays open and nothing is written.
    /// </summary>
    private async Task<string> TrySubscribeAsync(InputField field, JsonNode? value)
    {
        await world.EnsureFixturesAsync();
        var hub = world.Services.GetRequiredService<WorkoutTracker.Server.Common.EventLog.EventLogReader>();
        var subscribers = hub.SubscriberCount;
        var variables = world.Baseline(field.Operation);
        Place(variables, field.Path, value);
        var before = await world.SnapshotAsync();
        using var socket = await WebSockets.GraphQLWsTestClient.ConnectAsync(world.WebSocketUri);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = world.Athlete.DefaultRequestHeaders.Authorization!.ToString() } });
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());

        var subscribe = new JsonObject
        {
            ["id"] = "hostile", ["type"] = "subscribe",
            ["payload"] = new JsonObject { ["query"] = File.ReadAllText(OperationFile(field.Operation)), ["operationName"] = field.Operation, ["variables"] = variables },
        };
        var text = subscribe.ToJsonString();
        await socket.SendRawAsync(text);
        var maxBytes = world.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkoutTracker.Server.GraphQL.Http.GraphQLEndpointOptions>>().Value.WebSockets.MaxMessageBytes;
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            Assert.Equal(1009, (await socket.ReceiveCloseAsync()).Code); // message too big
            Assert.True(before == await world.SnapshotAsync(), $"{field} = {HostileValues.Print(value)}: a refused message wrote");
            return "closed 1009";
        }

        var answer = socket.ReceiveAsync(TimeSpan.FromSeconds(30));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!answer.IsCompleted && hub.SubscriberCount <= subscribers)
        {
            await Task.Delay(10, patience.Token);
        }

        string outcome;
        if (answer.IsCompleted)
        {
            // Refused before execution: an 'error' message; refused by the resolver: a 'next' holding errors and no data.
            var message = await answer;
            var errors = message["type"]!.GetValue<string>() switch
            {
                "error" => message["payload"] as JsonArray,
                "next" when message["payload"]?["data"] is null => message["payload"]?["errors"] as JsonArray,
                _ => null,
            };
            Assert.True(errors is { Count: > 0 }, $"{field} = {HostileValues.Print(value)}: {message.ToJsonString()}");
            var codes = errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();
            Assert.True(
                codes.All(c => c is not null && SpecificCodes.Contains(c)),
                $"{field} = {HostileValues.Print(value)}: an error without a specific code: {message.ToJsonString()}");
            outcome = "error " + string.Join("+", codes.Distinct());
        }
        else
        {
            outcome = "subscribed";
        }

        Assert.True(before == await world.SnapshotAsync(), $"{field} = {HostileValues.Print(value)}: a subscription wrote");
        socket.Dispose();
        while (hub.SubscriberCount > subscribers)
        {
            await Task.Delay(10, patience.Token); // the server noticed the socket is gone and dropped its subscriber
        }

        return outcome;
    }

    private Task<GraphQLResponse> SendAsync(string operation, JsonObject variables)
    {
        var body = new JsonObject { ["documentId"] = PersistedOperations.IdOf(operation), ["operationName"] = operation, ["variables"] = variables };
        return world.ClientFor(operation).SendGraphQLAsync(HttpMethod.Post, "/graphql", body.ToJsonString());
    }

    private static IReadOnlyList<string> HttpOperations() =>
        [.. OperationNames().Where(o => !File.ReadAllText(OperationFile(o)).TrimStart().StartsWith("subscription", StringComparison.Ordinal))];

    private static string OperationFile(string operation) => Path.Combine(TestPostgres.RepositoryRoot, "schema", "operations", operation + ".graphql");

    /// <summary>The operation's root field (the lower-camel-case operation name, as every operation of the manifest names it).</summary>
    private static string Root(string operation) => char.ToLowerInvariant(operation[0]) + operation[1..];

    private static void Place(JsonObject variables, IReadOnlyList<string> path, JsonNode? value)
    {
        var target = variables;
        foreach (var step in path.Take(path.Count - 1))
        {
            if (target[step] is not JsonObject next)
            {
                next = [];
                target[step] = next;
            }

            target = next;
        }

        target[path[^1]] = value;
    }

    private static string Short(GraphQLResponse response)
    {
        var text = response.ToString();
        return text.Length <= 600 ? text : text[..600] + "…";
    }
}
