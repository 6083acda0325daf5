using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>
/// Local accounts through the server's own endpoints: sign-up validation with a code per field, sign-in with
/// lockout kept in the database, rotating refresh tokens whose reuse revokes the family, password change, and
/// account deletion that leaves no row naming the user in any table of the model.
/// </summary>
public sealed class LocalAccountTests(LocalAccountTests.Host api) : IClassFixture<LocalAccountTests.Host>
{
    public const int MaxFailedSignIns = 3;

    /// <summary>The per-account backoff is out of the way, so what refuses the right password is the lockout.</summary>
    public sealed class Host : WorkoutApiFactory
    {
        public Host()
        {
            With("Identity:LocalAccounts:MaxFailedSignIns", MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
            With("Identity:SignInThrottle:FreeFailuresPerAccount", "1000");
            With("Identity:SignInThrottle:FreeFailuresPerAddress", "100000");
        }
    }

    private const string GoodPassword = "granite lantern orbit 42";

    private static string NewEmail() => $"new-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Sign_up_answers_tokens_for_a_new_athlete_who_then_signs_in_with_the_same_password()
    {
        var email = NewEmail();

        var (status, body) = await PostAsync("/account/signup", new { email = "  " + email.ToUpperInvariant() + " ", displayName = "Robin Newcomer", password = GoodPassword });

        Assert.Equal(HttpStatusCode.Created, status);
        var me = await MeAsync(body!["accessToken"]!.GetValue<string>());
        Assert.Equal("Robin Newcomer", me["displayName"]!.GetValue<string>());
        Assert.Equal("ATHLETE", me["role"]!.GetValue<string>());
        var (signIn, _) = await PostAsync("/account/token", new { email, password = GoodPassword });
        Assert.Equal(HttpStatusCode.OK, signIn);
    }

    [Fact]
    public async Task Sign_up_as_a_coach_makes_a_coach()
    {
        var (_, body) = await PostAsync("/account/signup", new { email = NewEmail(), displayName = "Casey Coach", password = GoodPassword, role = "coach" });

        Assert.Equal("COACH", (await MeAsync(body!["accessToken"]!.GetValue<string>()))["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_up_with_an_email_that_has_an_account_is_DUPLICATE_EMAIL_whatever_its_case()
    {
        var email = NewEmail();
        await PostAsync("/account/signup", new { email, displayName = "First", password = GoodPassword });

        var (status, body) = await PostAsync("/account/signup", new { email = email.ToUpperInvariant(), displayName = "Second", password = GoodPassword });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("VALIDATION", body!["code"]!.GetValue<string>());
        Assert.Equal(["email:DUPLICATE_EMAIL"], FieldErrors(body));
    }

    [Theory]
    [InlineData("short1", "password:PASSWORD_TOO_SHORT")]
    [InlineData("P@ssw0rd2024!", "password:PASSWORD_BREACHED_PATTERN")]
    [InlineData("qwertyuiop", "password:PASSWORD_BREACHED_PATTERN")]
    [InlineData("aaaaaaaaaaaaaa", "password:PASSWORD_REQUIRES_UNIQUE_CHARS")]
    [InlineData("RobinNewcomer!!", "password:PASSWORD_BREACHED_PATTERN")]
    public async Task Sign_up_with_a_weak_password_names_the_rule_it_breaks(string password, string expected)
    {
        var (status, body) = await PostAsync("/account/signup", new { email = NewEmail(), displayName = "Robin Newcomer", password });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, FieldErrors(body!));
        Assert.All(FieldErrors(body!), e => Assert.StartsWith("password:", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-an-email", "email:INVALID_EMAIL")]
    [InlineData("someone@localhost", "email:INVALID_EMAIL")]
    [InlineData("two@@example.org", "email:INVALID_EMAIL")]
    [InlineData("", "email:EMAIL_REQUIRED")]
    public async Task Sign_up_with_a_bad_email_is_a_field_error_and_writes_nothing(string email, string expected)
    {
        var before = await CountUsersAsync();

        var (status, body) = await PostAsync("/account/signup", new { email, displayName = "Robin", password = GoodPassword });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([expected], FieldErrors(body!));
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Sign_up_reports_every_bad_field_at_once()
    {
        var (_, body) = await PostAsync("/account/signup", new { email = "nope", displayName = " ", password = "short", role = "admin" });

        Assert.Equal(
            ["displayName:DISPLAY_NAME_REQUIRED", "email:INVALID_EMAIL", "password:PASSWORD_TOO_SHORT", "role:INVALID_ROLE"],
            FieldErrors(body!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task After_the_allowed_failed_sign_ins_the_account_is_locked_even_for_the_right_password()
    {
        var email = NewEmail();
        await PostAsync("/account/signup", new { email, displayName = "Lee", password = GoodPassword });

        for (var i = 1; i < MaxFailedSignIns; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/account/token", new { email, password = "wrong password " + i })).Status);
        }

        var last = await PostAsync("/account/token", new { email, password = "wrong password again" });
        var right = await PostAsync("/account/token", new { email, password = GoodPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, last.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
        Assert.Equal("TOO_MANY_ATTEMPTS", right.Body!["code"]!.GetValue<string>());
        await using var db = await api.CreateDbAsync();
        var stored = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), "the lockout is kept in the database, for every instance");
    }

    [Fact]
    public async Task A_right_password_before_the_limit_clears_the_failures()
    {
        var email = NewEmail();
        await PostAsync("/account/signup", new { email, displayName = "Lee", password = GoodPassword });
        for (var round = 0; round < 3; round++)
        {
            for (var i = 1; i < MaxFailedSignIns; i++)
            {
                await PostAsync("/account/token", new { email, password = "wrong" });
            }

            Assert.Equal(HttpStatusCode.OK, (await PostAsync("/account/token", new { email, password = GoodPassword })).Status);
        }
    }

    [Fact]
    public async Task A_refresh_token_is_single_use_and_presenting_a_used_one_revokes_its_whole_family()
    {
        var email = NewEmail();
        var (_, signedUp) = await PostAsync("/account/signup", new { email, displayName = "Sam", password = GoodPassword });
        var first = signedUp!["refreshToken"]!.GetValue<string>();
        var (_, otherDevice) = await PostAsync("/account/token", new { email, password = GoodPassword });

        var (rotated, second) = await PostAsync("/account/token", new { refreshToken = first });
        Assert.Equal(HttpStatusCode.OK, rotated);
        var replayed = await PostAsync("/account/token", new { refreshToken = first });
        var next = await PostAsync("/account/token", new { refreshToken = second!["refreshToken"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, next.Status); // the family is gone: the thief's copy and the owner's
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/account/token", new { refreshToken = otherDevice!["refreshToken"]!.GetValue<string>() })).Status);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_signs_out_every_other_refresh_token()
    {
        var email = NewEmail();
        var (_, signedUp) = await PostAsync("/account/signup", new { email, displayName = "Kim", password = GoodPassword });
        var token = signedUp!["accessToken"]!.GetValue<string>();
        const string newPassword = "velvet thunder spoon 7";

        var wrong = await PostAsync("/account/password", new { currentPassword = "not it at all", newPassword }, token);
        var weak = await PostAsync("/account/password", new { currentPassword = GoodPassword, newPassword = "short" }, token);
        var changed = await PostAsync("/account/password", new { currentPassword = GoodPassword, newPassword }, token);

        Assert.Equal(["currentPassword:WRONG_PASSWORD"], FieldErrors(wrong.Body!));
        Assert.Equal(["newPassword:PASSWORD_TOO_SHORT"], FieldErrors(weak.Body!));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/account/token", new { refreshToken = signedUp["refreshToken"]!.GetValue<string>() })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/account/token", new { email, password = GoodPassword })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/account/token", new { email, password = newPassword })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/account/token", new { refreshToken = changed.Body!["refreshToken"]!.GetValue<string>() })).Status);
    }

    [Fact]
    public async Task Changing_the_password_without_a_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/account/password", new { currentPassword = "a", newPassword = "b" })).Status);
    }

    /// <summary>Tables that hold no one's data: every other table of the model must name the user in a column account deletion knows.</summary>
    private static readonly string[] SharedTables = ["\"exercises\""];

    /// <summary>Tables whose rows belong to a row that names the user (a session's exercises), and go with it by their foreign key's ON DELETE CASCADE.</summary>
    private static readonly string[] CascadedTables = ["\"session_exercises\""];

    [Fact]
    public async Task Deleting_the_account_removes_every_row_that_names_the_user_table_by_table_and_nobody_elses()
    {
        var (athlete, athleteToken, _) = await SignUpAsync("athlete");
        var (_, coachToken, coachEmail) = await SignUpAsync("coach");
        var (bystander, bystanderToken, _) = await SignUpAsync("athlete");
        await FillEveryTableAsync(athleteToken, coachToken, coachEmail);
        await FillEveryTableAsync(bystanderToken, coachToken, coachEmail);

        await using var db = await api.CreateDbAsync();
        var columns = UserOwnedTables.Of(db.Model);
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).Select(UserOwnedTables.Qualified).Distinct().ToList();
        Assert.All(tables, table => Assert.True(
            SharedTables.Contains(table) || CascadedTables.Contains(table) || columns.Any(c => c.Table == table),
            $"{table} names no user in a column account deletion knows (user_id, athlete_id, coach_id or a foreign key to users); if it holds no one's data, add it to SharedTables"));
        var before = await CountAsync(db, columns, athlete);
        Assert.All(before.Where(c => c.Key.Column != "coach_id"), c => Assert.True(c.Value > 0, $"the test wrote no row of the user in {c.Key}"));
        var bystanderBefore = await CountAsync(db, columns, bystander);

        var wrong = await PostAsync("/account/delete", new { password = "not the password" }, athleteToken);
        var deleted = await PostAsync("/account/delete", new { password = GoodPassword }, athleteToken);

        Assert.Equal(["password:WRONG_PASSWORD"], FieldErrors(wrong.Body!));
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.All(await CountAsync(db, columns, athlete), c => Assert.True(c.Value == 0, $"{c.Key} still holds {c.Value} rows of the deleted user"));
        Assert.Equal(bystanderBefore, await CountAsync(db, columns, bystander));
        Assert.Equal(HttpStatusCode.OK, (await MeStatusAsync(coachToken)));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(athleteToken));
    }

    /// <summary>A profile, a finished session with sets (body map, progression, events, idempotency records), a coach link, refresh tokens.</summary>
    private async Task FillEveryTableAsync(string athleteToken, string coachToken, string coachEmail)
    {
        using var athlete = Client(athleteToken);
        using var coach = Client(coachToken);
        var profile = await athlete.PostGraphQLAsync(
            "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { profile { daysPerWeek } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), daysPerWeek = 4 } });
        Assert.Null(profile.Errors);
        var link = await athlete.PostGraphQLAsync(
            "mutation($i: RequestCoachLinkInput!) { requestCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), email = coachEmail } });
        var linkId = link.Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        Assert.Null((await coach.PostGraphQLAsync(
            "mutation($i: CoachLinkInput!) { acceptCoachLink(input: $i) { link { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), linkId } })).Errors);
        var sessionId = await athlete.StartSessionAsync();
        foreach (var exercise in await PlannedExercisesAsync(athlete))
        {
            Assert.Null((await athlete.LogSetAsync(sessionId, exerciseId: exercise, loadKg: 20m, reps: 12, rpe: 6m)).Errors);
        }

        Assert.Null((await athlete.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId } })).Errors);

        // The logbook's and the import's tables: a custom exercise, a sticky note, a plan edit, an uploaded export.
        var planned = (await PlannedExercisesAsync(athlete)).First();
        Assert.Null((await athlete.PostGraphQLAsync(
            "mutation($i: CreateExerciseInput!) { createExercise(input: $i) { exercise { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), name = $"Tire Flip {Guid.NewGuid():N}"[..20], pattern = "SQUAT", loading = "BODYWEIGHT", primaryMuscles = new[] { "QUADS" } } })).Errors);
        Assert.Null((await athlete.PostGraphQLAsync(
            "mutation($i: SetExerciseNoteInput!) { setExerciseNote(input: $i) { replayed } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), exerciseId = planned, note = "Belt on from the second set." } })).Errors);
        Assert.Null((await athlete.PostGraphQLAsync(
            "mutation($i: SkipPlannedExerciseInput!) { skipPlannedExercise(input: $i) { replayed } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), dayNumber = 1, exerciseId = planned } })).Errors);
        // The coach's proposal for the athlete's week, and the athlete's decision on it.
        var athleteId = (await athlete.PostGraphQLAsync("{ me { id } }")).Payload("me")["id"]!.GetValue<string>();
        var proposal = await coach.PostGraphQLAsync(
            "mutation($i: ProposePlanChangesInput!) { proposePlanChanges(input: $i) { proposal { id } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), athleteId, summary = "Lighter Monday.", items = new[] { new { dayNumber = 1, exerciseId = (await PlannedExercisesAsync(athlete)).First(), kind = "CHANGE_TARGETS", sets = 2, why = "Tired after the weekend." } } } });
        Assert.Null((await athlete.PostGraphQLAsync(
            "mutation($i: DecidePlanProposalInput!) { decidePlanProposal(input: $i) { replayed } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), proposalId = proposal.Payload("proposePlanChanges")["proposal"]!["id"]!.GetValue<string>(), acceptedItems = Array.Empty<int>() } })).Errors);
        using var upload = await athlete.PostAsync("/imports", new StringContent(
            "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps\n2020-01-06 18:00:00;Old;Squat (Barbell);1;60;kg;5\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
    }

    private static async Task<IEnumerable<string>> PlannedExercisesAsync(HttpClient athlete)
    {
        var plan = await athlete.PostGraphQLAsync("{ weeklyPlan { days { exercises { exercise { id } } } } }");
        return plan.Data!["weeklyPlan"]!["days"]!.AsArray()[0]!["exercises"]!.AsArray().Select(e => e!["exercise"]!["id"]!.GetValue<string>());
    }

    private static async Task<Dictionary<UserOwnedTables.UserColumn, long>> CountAsync(WorkoutDb db, IReadOnlyList<UserOwnedTables.UserColumn> columns, Guid user)
    {
        var counts = new Dictionary<UserOwnedTables.UserColumn, long>();
        foreach (var column in columns)
        {
#pragma warning disable EF1002 // names from the model
            counts[column] = await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM {column.Table} WHERE \"{column.Column}\" = {{0}}", user).SingleAsync();
#pragma warning restore EF1002
        }

        return counts;
    }

    private async Task<(Guid Id, string Token, string Email)> SignUpAsync(string role)
    {
        var email = NewEmail();
        var (status, body) = await PostAsync("/account/signup", new { email, displayName = $"New {role}", password = GoodPassword, role });
        Assert.Equal(HttpStatusCode.Created, status);
        var token = body!["accessToken"]!.GetValue<string>();
        return (Guid.Parse((await MeAsync(token))["id"]!.GetValue<string>()), token, email);
    }

    private async Task<long> CountUsersAsync()
    {
        await using var db = await api.CreateDbAsync();
        return await db.Users.LongCountAsync();
    }

    private static string[] FieldErrors(JsonNode body) =>
        [.. body["errors"]!.AsArray().Select(e => $"{e!["field"]!.GetValue<string>()}:{e["code"]!.GetValue<string>()}")];

    private HttpClient Client(string? token)
    {
        var client = api.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<JsonNode> MeAsync(string token)
    {
        using var client = Client(token);
        var response = await client.PostGraphQLAsync("{ me { id displayName role } }");
        return response.Data?["me"] ?? throw new InvalidOperationException("me failed: " + response);
    }

    private async Task<HttpStatusCode> MeStatusAsync(string token)
    {
        using var client = Client(token);
        var response = await client.PostGraphQLAsync("{ me { id } }");
        return response.Data?["me"] is null ? HttpStatusCode.Unauthorized : response.Status;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object body, string? token = null)
    {
        using var client = Client(token);
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}

/// <summary>Sign-ups and sign-ins are limited per client address: past the limit 429 with <c>Retry-After</c> and code RATE_LIMITED.</summary>
public sealed class AccountRateLimitTests(AccountRateLimitTests.Host api) : IClassFixture<AccountRateLimitTests.Host>
{
    public sealed class Host : WorkoutApiFactory
    {
        public Host()
        {
            With("Identity:LocalAccounts:SignUpsPerAddress", "2");
            With("Identity:LocalAccounts:SignUpWindow", "06:00:00");
            With("Identity:LocalAccounts:SignInsPerAddress", "3");
            With("Identity:LocalAccounts:SignInWindow", "06:00:00");
        }
    }

    [Fact]
    public async Task The_third_sign_up_from_one_address_is_429_and_so_is_the_fourth_sign_in()
    {
        using var client = api.CreateClient();
        var signUps = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            signUps.Add(await client.PostAsJsonAsync("/account/signup", new { email = $"r{i}-{Guid.NewGuid():N}@example.org", displayName = "R", password = "granite lantern orbit 42" }));
        }

        var signIns = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            signIns.Add(await client.PostAsJsonAsync("/account/token", new { email = "nobody@example.org", password = "whatever it is" }));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], signUps.Select(r => r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, signIns[^1].StatusCode);
        Assert.NotNull(signUps[^1].Headers.RetryAfter);
        Assert.Equal("RATE_LIMITED", JsonNode.Parse(await signUps[^1].Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }
}
