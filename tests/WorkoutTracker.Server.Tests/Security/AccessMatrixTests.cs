using System.Text;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Logbook;
using WorkoutTracker.Server.Tests.Sessions;
using WorkoutTracker.Server.Tests.WebSockets;
using Xunit.Abstractions;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>
/// Every query, mutation and subscription field, tried as the owner of the data, another athlete, a
/// linked coach, an unlinked coach and anonymously; every subscription also after the link ended and
/// after logout (credentials ended). The expected table below is the access policy;
/// the test fails when a cell differs or when the schema has a root field the table does not cover.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.World world, ITestOutputHelper output) : IClassFixture<AccessMatrixTests.World>
{
    public enum Actor { Owner, OtherAthlete, LinkedCoach, UnlinkedCoach, Anonymous }

    /// <summary>What a cell must show: data without errors, or the error code (UNAUTHENTICATED over WebSocket is the 4403 close).</summary>
    private const string Ok = "OK";

    /// <summary>A subscription that is accepted and stays silent: the owner's change is not the actor's to see.</summary>
    private const string NoEvent = "NO EVENT";

    private static readonly Actor[] Actors = Enum.GetValues<Actor>();

    /// <summary>Owner data: athlete A with a session S holding a set X; coach C1 follows A, coach C2 does not.</summary>
    public sealed class World : WorkoutApiFactory
    {
        public Dictionary<Actor, DemoUser> Users { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Users[Actor.Owner] = await CreateUserAsync(UserRole.Athlete, "Owner");
            Users[Actor.OtherAthlete] = await CreateUserAsync(UserRole.Athlete, "Other");
            Users[Actor.LinkedCoach] = await CreateUserAsync(UserRole.Coach, "Linked coach");
            Users[Actor.UnlinkedCoach] = await CreateUserAsync(UserRole.Coach, "Unlinked coach");
            using var owner = await CreateClientForAsync(Users[Actor.Owner]);
            using var coach = await CreateClientForAsync(Users[Actor.LinkedCoach]);
            var link = (await owner.PostGraphQLAsync(
                "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
                new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = Users[Actor.LinkedCoach].Email } })).Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
            await coach.PostGraphQLAsync(
                "mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { id } } }",
                new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId = link } });
        }

        public async Task<HttpClient> ClientAsync(Actor actor) =>
            actor == Actor.Anonymous ? CreateClient() : await CreateClientForAsync(Users[actor]);

        /// <summary>A fresh open session of the owner with one set, so destructive cells never interfere.</summary>
        public async Task<(string SessionId, string SetId)> OwnerSessionAsync()
        {
            using var owner = await CreateClientForAsync(Users[Actor.Owner]);
            var sessionId = await owner.StartSessionAsync();
            var setId = (await owner.LogSetAsync(sessionId)).Payload("logSet")["setId"]!.GetValue<string>();
            return (sessionId, setId);
        }

        /// <summary>The owner's week reset to the generated plan: its first day's exercise ids, and an exercise that can replace the first.</summary>
        public async Task<(List<string> DayOne, string Swap)> OwnerFreshPlanAsync()
        {
            using var owner = await CreateClientForAsync(Users[Actor.Owner]);
            await owner.EditPlanAsync("resetWeeklyPlan", "ResetWeeklyPlanInput", new { clientMutationId = Guid.NewGuid().ToString() });
            var day = (await owner.PlanAsync()).ExerciseIds(1);
            var swaps = (await owner.PostGraphQLAsync("query($e: ID!) { exerciseSwaps(exerciseId: $e, first: 20) { id } }", new { e = day[0] })).Payload("exerciseSwaps").AsArray();
            return (day, swaps.Select(s => s!["id"]!.GetValue<string>()).First(id => !day.Contains(id)));
        }

        /// <summary>An open proposal the linked coach wrote for the owner's (fresh) week; its id.</summary>
        public async Task<string> OwnerProposalAsync()
        {
            var (day, _) = await OwnerFreshPlanAsync();
            using var coach = await CreateClientForAsync(Users[Actor.LinkedCoach]);
            return (await coach.PostGraphQLAsync(
                "mutation($i: ProposePlanChangesInput!) { proposePlanChanges(input: $i) { proposal { id } } }",
                new { i = ProposalInput(Users[Actor.Owner].Id, day[0]) })).Payload("proposePlanChanges")["proposal"]!["id"]!.GetValue<string>();
        }

        public static object ProposalInput(Guid athleteId, string exerciseId) => new
        {
            clientMutationId = Guid.NewGuid().ToString(),
            athleteId,
            summary = "Fewer sets",
            items = new[] { new { kind = "CHANGE_TARGETS", dayNumber = 1, exerciseId, sets = 2, why = "A busy week." } },
        };
    }

    private sealed record Cell(string Field, string Kind, Func<Actor, Task<(string Query, object? Variables)>> Operation, IReadOnlyDictionary<Actor, string> Expected);

    private static Dictionary<Actor, string> Expect(string owner, string other, string linked, string unlinked, string anonymous = "UNAUTHENTICATED") =>
        new() { [Actor.Owner] = owner, [Actor.OtherAthlete] = other, [Actor.LinkedCoach] = linked, [Actor.UnlinkedCoach] = unlinked, [Actor.Anonymous] = anonymous };

    private IEnumerable<Cell> Matrix()
    {
        var owner = world.Users[Actor.Owner].Id;
        var ownerRead = Expect(Ok, "FORBIDDEN", Ok, "FORBIDDEN");
        var ownerWrite = Expect(Ok, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
        var anyUser = Expect(Ok, Ok, Ok, Ok);
        Task<(string, object?)> Q(string query, object? variables = null) => Task.FromResult<(string, object?)>((query, variables));
        string Id() => Guid.NewGuid().ToString();

        yield return new("me", "query", _ => Q("{ me { id } }"), anyUser);
        yield return new("exercises", "query", _ => Q("{ exercises(filter: { muscle: CALVES }) { id } }"), anyUser);
        yield return new("coachLinks", "query", _ => Q("{ coachLinks { id } }"), anyUser);
        yield return new("athletes", "query", _ => Q("{ athletes { id } }"), Expect("FORBIDDEN", "FORBIDDEN", Ok, Ok));
        yield return new("profile", "query", _ => Q("query($a: ID) { profile(athleteId: $a) { goal } }", new { a = owner }), ownerRead);
        yield return new("weeklyPlan", "query", _ => Q("query($a: ID) { weeklyPlan(athleteId: $a) { weekStart } }", new { a = owner }), ownerRead);
        yield return new("bodyMap", "query", _ => Q("query($a: ID) { bodyMap(athleteId: $a) { version } }", new { a = owner }), ownerRead);
        yield return new("personalRecords", "query", _ => Q("query($a: ID) { personalRecords(athleteId: $a) { kind } }", new { a = owner }), ownerRead);
        yield return new("e1rmHistory", "query", _ => Q("query($a: ID) { e1rmHistory(athleteId: $a, exerciseId: \"barbell-back-squat\") { e1rmKg } }", new { a = owner }), ownerRead);
        yield return new("sessions", "query", _ => Q("query($a: ID) { sessions(athleteId: $a) { edges { node { id } } } }", new { a = owner }), ownerRead);
        // Someone else's session answers as an unknown one does: null (ExistenceOracleTests).
        yield return new("session", "query", async _ => ("query($id: ID!) { session(id: $id) { id sets { id } } }", new { id = (await world.OwnerSessionAsync()).SessionId }),
            Expect(Ok, "NO DATA", Ok, "NO DATA"));

        yield return new("coach", "query", _ => Q("query($a: ID) { coach(question: \"What are my records?\", athleteId: $a) { answer } }", new { a = owner }), ownerRead);
        yield return new("copilot", "query", async _ => ("query($s: ID!) { copilot(sessionId: $s) { rationale } }", new { s = (await world.OwnerSessionAsync()).SessionId }), ownerRead);

        yield return new("startSession", "mutation", _ => Q(SessionApi.StartSession, new { input = new { clientMutationId = Id() } }),
            Expect(Ok, Ok, "FORBIDDEN", "FORBIDDEN"));
        yield return new("logSet", "mutation", async _ => (SessionApi.LogSet, new
        {
            input = new { clientMutationId = Id(), sessionId = (await world.OwnerSessionAsync()).SessionId, exerciseId = "pull-up", loadKg = 0, reps = 5 },
        }), ownerWrite);
        yield return new("updateSet", "mutation", async _ => (SessionApi.UpdateSet, new
        {
            input = new { clientMutationId = Id(), setId = (await world.OwnerSessionAsync()).SetId, loadKg = 1, reps = 1 },
        }), ownerWrite);
        yield return new("deleteSet", "mutation", async _ => (SessionApi.DeleteSet, new { input = new { clientMutationId = Id(), setId = (await world.OwnerSessionAsync()).SetId } }), ownerWrite);
        yield return new("finishSession", "mutation", async _ => (SessionApi.FinishSession, new { input = new { clientMutationId = Id(), sessionId = (await world.OwnerSessionAsync()).SessionId } }), ownerWrite);
        yield return new("updateProfile", "mutation", _ => Q("mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { replayed } }", new { i = new { clientMutationId = Id(), sessionMinutes = 75 } }),
            Expect(Ok, Ok, "FORBIDDEN", "FORBIDDEN"));
        yield return new("requestCoachLink", "mutation", async actor =>
        {
            var target = await world.CreateUserAsync(actor is Actor.LinkedCoach or Actor.UnlinkedCoach ? UserRole.Athlete : UserRole.Coach);
            return ("mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }", new { i = new { clientMutationId = Id(), email = target.Email } });
        }, anyUser);
        yield return new("acceptCoachLink", "mutation", async _ => ("mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { status } } }", new { i = new { clientMutationId = Id(), linkId = await PendingLinkFromOwnerToUnlinkedCoachAsync() } }),
            Expect("COACH_LINK_STATE", "NOT_FOUND", "NOT_FOUND", Ok));
        yield return new("endCoachLink", "mutation", async _ => ("mutation($i: CoachLinkInput!) { endCoachLink(input: $i) { link { status } } }", new { i = new { clientMutationId = Id(), linkId = await PendingLinkFromOwnerToUnlinkedCoachAsync() } }),
            Expect(Ok, "NOT_FOUND", "NOT_FOUND", Ok));

        yield return new("exerciseNotes", "query", _ => Q("query($a: ID) { exerciseNotes(athleteId: $a) { note } }", new { a = owner }), ownerRead);
        yield return new("exerciseHistory", "query", _ => Q("query($a: ID) { exerciseHistory(athleteId: $a, exerciseId: \"barbell-back-squat\") { hasMore } }", new { a = owner }), ownerRead);
        yield return new("exerciseSwaps", "query", _ => Q("query($a: ID) { exerciseSwaps(athleteId: $a, exerciseId: \"barbell-back-squat\") { id } }", new { a = owner }), ownerRead);
        yield return new("setSessionNote", "mutation", async _ => ("mutation($i: SetSessionNoteInput!) { setSessionNote(input: $i) { replayed } }",
            new { i = new { clientMutationId = Id(), sessionId = (await world.OwnerSessionAsync()).SessionId, note = "n" } }), ownerWrite);
        yield return new("addSessionExercise", "mutation", async _ => ("mutation($i: AddSessionExerciseInput!) { addSessionExercise(input: $i) { replayed } }",
            new { i = new { clientMutationId = Id(), sessionId = (await world.OwnerSessionAsync()).SessionId, exerciseId = "plank" } }), ownerWrite);
        yield return new("groupSessionSuperset", "mutation", async _ => ("mutation($i: GroupSessionSupersetInput!) { groupSessionSuperset(input: $i) { replayed } }",
            new { i = new { clientMutationId = Id(), sessionId = (await world.OwnerSessionAsync()).SessionId, exerciseIds = new[] { "plank", "pull-up" } } }), ownerWrite);

        // Everyone's own: an athlete writes their own sticky notes and exercises; a coach has none.
        yield return new("setExerciseNote", "mutation", _ => Q("mutation($i: SetExerciseNoteInput!) { setExerciseNote(input: $i) { replayed } }",
            new { i = new { clientMutationId = Id(), exerciseId = "plank", note = "n" } }), Expect(Ok, Ok, "FORBIDDEN", "FORBIDDEN"));
        yield return new("createExercise", "mutation", _ => Q("mutation($i: CreateExerciseInput!) { createExercise(input: $i) { replayed } }",
            new { i = new { clientMutationId = Id(), name = "Lift " + Id(), pattern = "CORE", loading = "BODYWEIGHT", primaryMuscles = new[] { "ABS" } } }), Expect(Ok, Ok, "FORBIDDEN", "FORBIDDEN"));

        // The owner's week: the owner and a linked coach edit it.
        var planWrite = Expect(Ok, "FORBIDDEN", Ok, "FORBIDDEN");
        Task<(string, object?)> Edit(string field, string inputType, Func<(List<string> DayOne, string Swap), object> input) =>
            Task.Run(async () => ((string, object?))(LogbookApi.PlanEdit(field, inputType), new { input = input(await world.OwnerFreshPlanAsync()) }));
        yield return new("swapPlannedExercise", "mutation", _ => Edit("swapPlannedExercise", "SwapPlannedExerciseInput",
            p => new { clientMutationId = Id(), athleteId = owner, dayNumber = 1, exerciseId = p.DayOne[0], withExerciseId = p.Swap }), planWrite);
        yield return new("skipPlannedExercise", "mutation", _ => Edit("skipPlannedExercise", "SkipPlannedExerciseInput",
            p => new { clientMutationId = Id(), athleteId = owner, dayNumber = 1, exerciseId = p.DayOne[0] }), planWrite);
        yield return new("addPlannedExercise", "mutation", _ => Edit("addPlannedExercise", "AddPlannedExerciseInput",
            p => new { clientMutationId = Id(), athleteId = owner, dayNumber = 1, exerciseId = p.Swap }), planWrite);
        yield return new("changePlannedTargets", "mutation", _ => Edit("changePlannedTargets", "ChangePlannedTargetsInput",
            p => new { clientMutationId = Id(), athleteId = owner, dayNumber = 1, exerciseId = p.DayOne[0], sets = 2 }), planWrite);
        yield return new("groupPlannedSuperset", "mutation", _ => Edit("groupPlannedSuperset", "GroupPlannedSupersetInput",
            p => new { clientMutationId = Id(), athleteId = owner, dayNumber = 1, exerciseIds = p.DayOne.Take(2).ToArray() }), planWrite);
        yield return new("resetWeeklyPlan", "mutation", _ => Q(LogbookApi.PlanEdit("resetWeeklyPlan", "ResetWeeklyPlanInput"), new { input = new { clientMutationId = Id(), athleteId = owner } }), planWrite);

        // Proposals: read like the plan; a linked coach writes one, only the owner decides.
        yield return new("planProposals", "query", _ => Q("query($a: ID) { planProposals(athleteId: $a) { id } }", new { a = owner }), ownerRead);
        yield return new("planProposalHistory", "query", _ => Q("query($a: ID) { planProposalHistory(athleteId: $a) { id } }", new { a = owner }), ownerRead);
        yield return new("planProposal", "query", async _ => ("query($id: ID!) { planProposal(id: $id) { id } }", new { id = await world.OwnerProposalAsync() }), ownerRead);
        yield return new("proposePlanChanges", "mutation", async _ => ("mutation($i: ProposePlanChangesInput!) { proposePlanChanges(input: $i) { replayed } }",
            new { i = World.ProposalInput(owner, (await world.OwnerFreshPlanAsync()).DayOne[0]) }), Expect("FORBIDDEN", "FORBIDDEN", Ok, "FORBIDDEN"));
        yield return new("decidePlanProposal", "mutation", async _ => ("mutation($i: DecidePlanProposalInput!) { decidePlanProposal(input: $i) { replayed } }",
            new { i = new { clientMutationId = Id(), proposalId = await world.OwnerProposalAsync(), acceptedItems = new[] { 0 } } }), ownerWrite);

        yield return new("sessionUpdated", "subscription", async _ => ("subscription($s: ID!) { sessionUpdated(sessionId: $s) { kind } }", new { s = (await world.OwnerSessionAsync()).SessionId }), ownerRead);
        yield return new("copilotUpdated", "subscription", async _ => ("subscription($s: ID!) { copilotUpdated(sessionId: $s) { rationale } }", new { s = (await world.OwnerSessionAsync()).SessionId }), ownerRead);

        // The unlinked coach may subscribe, and sees nothing of the owner.
        yield return new("athleteActivity", "subscription", _ => Q("subscription { athleteActivity { kind } }"), Expect("FORBIDDEN", "FORBIDDEN", Ok, NoEvent));
    }

    /// <summary>A new pending link the owner asked of the unlinked coach, after ending any open one (so that coach stays unlinked).</summary>
    private async Task<string> PendingLinkFromOwnerToUnlinkedCoachAsync()
    {
        using var owner = await world.CreateClientForAsync(world.Users[Actor.Owner]);
        var links = (await owner.PostGraphQLAsync("{ coachLinks { id status inviteeEmail } }")).Payload("coachLinks").AsArray();
        foreach (var open in links.Where(l => l!["inviteeEmail"]?.GetValue<string>() == world.Users[Actor.UnlinkedCoach].Email && l["status"]!.GetValue<string>() != "ENDED"))
        {
            await owner.PostGraphQLAsync("mutation($i: CoachLinkInput!) { endCoachLink(input: $i) { link { id } } }", new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId = open!["id"]!.GetValue<string>() } });
        }

        return (await owner.PostGraphQLAsync(
            "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = world.Users[Actor.UnlinkedCoach].Email } })).Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public void Every_root_field_of_the_schema_is_in_the_matrix()
    {
        var schema = world.Services.GetRequiredService<ISchema>();
        var fields = new[] { schema.Query, schema.Mutation, schema.Subscription }.OfType<IObjectGraphType>()
            .SelectMany(t => t.Fields.Select(f => f.Name)).Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(fields, Matrix().Select(c => c.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_field_answers_each_actor_as_the_policy_says()
    {
        var table = new StringBuilder($"{"field",-18}{string.Concat(Actors.Select(a => $"{a,-18}"))}\n");
        var mismatches = new List<string>();
        foreach (var cell in Matrix())
        {
            table.Append($"{cell.Field,-18}");
            foreach (var actor in Actors)
            {
                var actual = cell.Kind == "subscription" ? await SubscribeAsync(cell, actor) : await RequestAsync(cell, actor);
                table.Append($"{actual,-18}");
                if (actual != cell.Expected[actor])
                {
                    mismatches.Add($"{cell.Field} as {actor}: expected {cell.Expected[actor]}, got {actual}");
                }
            }

            table.Append('\n');
        }

        output.WriteLine(table.ToString());
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\n\n" + table);
    }

    /// <summary>
    /// The columns every subscription adds: its linked coach's subscription after the link ended
    /// (FORBIDDEN at once), and anyone's after their credentials end (what a logout comes to on the server:
    /// the token stops being valid, the socket closes 4403). athleteActivity is a coach's only.
    /// </summary>
    private static readonly Dictionary<string, (string AfterLinkEnded, string AfterCredentialsEnd)> SubscriptionAfter = new(StringComparer.Ordinal)
    {
        ["sessionUpdated"] = ("FORBIDDEN", "4403"),
        ["copilotUpdated"] = ("FORBIDDEN", "4403"),
        ["athleteActivity"] = ("FORBIDDEN", "4403"),
    };

    [Fact]
    public async Task Each_subscription_ends_for_the_coach_once_the_link_ended_and_for_anyone_once_their_credentials_end()
    {
        var subscriptions = Matrix().Where(c => c.Kind == "subscription").ToList();
        Assert.Equal(subscriptions.Select(c => c.Field).Order(StringComparer.Ordinal), SubscriptionAfter.Keys.Order(StringComparer.Ordinal));

        var table = new StringBuilder($"{"field",-18}{"after link ended",-20}{"after logout",-20}\n");
        var mismatches = new List<string>();
        foreach (var cell in subscriptions)
        {
            var afterLink = await AfterLinkEndedAsync(cell);
            var afterLogout = await AfterCredentialsEndAsync(cell);
            table.Append($"{cell.Field,-18}{afterLink,-20}{afterLogout,-20}\n");
            if ((afterLink, afterLogout) != SubscriptionAfter[cell.Field])
            {
                mismatches.Add($"{cell.Field}: expected {SubscriptionAfter[cell.Field]}, got ({afterLink}, {afterLogout})");
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\n\n" + table);
    }

    /// <summary>A coach of its own, linked to the owner, subscribes; the owner ends the link; what does the subscription get?</summary>
    private async Task<string> AfterLinkEndedAsync(Cell cell)
    {
        var coach = await world.CreateUserAsync(UserRole.Coach);
        using var owner = await world.CreateClientForAsync(world.Users[Actor.Owner]);
        using var coachHttp = await world.CreateClientForAsync(coach);
        var link = (await owner.PostGraphQLAsync(
            "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = coach.Email } })).Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        await coachHttp.PostGraphQLAsync("mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { id } } }", new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId = link } });

        using var socket = await OpenAsync(await world.GetTokenAsync(coach.Email, coach.Password));
        var (query, variables) = await cell.Operation(Actor.LinkedCoach);
        await SubscribeAndWaitAsync(socket, query, variables);
        await owner.PostGraphQLAsync("mutation($i: CoachLinkInput!) { endCoachLink(input: $i) { link { id } } }", new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId = link } });

        // An event committed just before the subscription started may still arrive first (the live feed sends
        // what the log reader reads after it started listening): what counts is how the stream ends. A stream
        // that went on without ending fails on the client's patience.
        JsonNode message;
        do
        {
            message = await socket.ReceiveAsync();
        }
        while (message["payload"]?["errors"] is null && message["payload"]?["data"]?[cell.Field] is not null);

        return Outcome(message["payload"]?["errors"] as JsonArray, message["payload"]?["data"]?[cell.Field]);
    }

    /// <summary>The actor the field is for (the owner; a linked coach for athleteActivity) subscribes with a token about to expire.</summary>
    private async Task<string> AfterCredentialsEndAsync(Cell cell)
    {
        var actor = cell.Expected[Actor.Owner] == Ok ? Actor.Owner : Actor.LinkedCoach;
        var user = world.Users[actor];
        var issuer = world.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkoutTracker.Server.Identity.TokenIssuerOptions>>().Value;
        var expires = DateTime.UtcNow.AddSeconds(-25); // inside the issuer's 30 s of clock skew: accepted, valid for five seconds more
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Audience = issuer.Audience,
            IssuedAt = expires.AddMinutes(-5),
            NotBefore = expires.AddMinutes(-5),
            Expires = expires,
            Subject = new System.Security.Claims.ClaimsIdentity([new("sub", user.Id.ToString()), new("role", actor == Actor.Owner ? "athlete" : "coach")]),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(issuer.SigningKey)), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });

        using var socket = await OpenAsync(token);
        var (query, variables) = await cell.Operation(actor);
        await socket.SubscribeAsync("after", query, variables); // not waited on: on a loaded machine the credentials may end first, which closes it all the same
        return (await socket.ReceiveCloseAfterResultsAsync()).Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<GraphQLWsTestClient> OpenAsync(string token)
    {
        var webSockets = world.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add("graphql-transport-ws");
        var socket = GraphQLWsTestClient.Over(await webSockets.ConnectAsync(new Uri(world.Server.BaseAddress, "/graphql"), CancellationToken.None));
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        return socket;
    }

    /// <summary>Subscribes and waits until the subscription listens to the event log (its access check passed).</summary>
    private async Task SubscribeAndWaitAsync(GraphQLWsTestClient socket, string query, object? variables)
    {
        var reader = world.Services.GetRequiredService<WorkoutTracker.Server.Common.EventLog.EventLogReader>();
        var before = reader.SubscriberCount;
        await socket.SubscribeAsync("after", query, variables);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (reader.SubscriberCount <= before)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private async Task<string> RequestAsync(Cell cell, Actor actor)
    {
        using var client = await world.ClientAsync(actor);
        var (query, variables) = await cell.Operation(actor);
        var response = await client.PostGraphQLAsync(query, variables);
        return Outcome(response.Errors, response.Data?[cell.Field]);
    }

    private async Task<string> SubscribeAsync(Cell cell, Actor actor)
    {
        var webSockets = world.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add("graphql-transport-ws");
        using var socket = GraphQLWsTestClient.Over(await webSockets.ConnectAsync(new Uri(world.Server.BaseAddress, "/graphql"), CancellationToken.None));
        if (actor == Actor.Anonymous)
        {
            await socket.SendAsync(new { type = "connection_init" });
            return (await socket.ReceiveCloseAsync()).Code == 4403 ? "UNAUTHENTICATED" : "OPEN";
        }

        var token = await world.GetTokenAsync(world.Users[actor].Email, world.Users[actor].Password);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        await socket.ReceiveAsync();
        var (query, variables) = await cell.Operation(actor);
        var before = world.Services.GetRequiredService<WorkoutTracker.Server.Common.EventLog.EventLogReader>().SubscriberCount;
        await socket.SubscribeAsync("matrix", query, variables);
        using var owner = await world.CreateClientForAsync(world.Users[Actor.Owner]);
        var sessionId = variables is null ? await owner.StartSessionAsync() : (string)variables.GetType().GetProperty("s")!.GetValue(variables)!;

        // Either the subscription is refused at once, or it is live and sees the owner's next set.
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (world.Services.GetRequiredService<WorkoutTracker.Server.Common.EventLog.EventLogReader>().SubscriberCount <= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await owner.LogSetAsync(sessionId);
        JsonNode message;
        try
        {
            message = await socket.ReceiveAsync(TimeSpan.FromSeconds(2));
        }
        catch (OperationCanceledException)
        {
            return NoEvent;
        }

        return Outcome(message["payload"]?["errors"] as JsonArray ?? (message["type"]!.GetValue<string>() == "error" ? message["payload"] as JsonArray : null), message["payload"]?["data"]?[cell.Field]);
    }

    private static string Outcome(JsonArray? errors, JsonNode? data) =>
        errors is { Count: > 0 } ? errors[0]!["extensions"]?["code"]?.GetValue<string>() ?? "ERROR" : data is null ? "NO DATA" : Ok;
}
