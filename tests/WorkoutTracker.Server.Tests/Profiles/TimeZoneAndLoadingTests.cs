using System.Text.Json.Nodes;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Profiles;

/// <summary>
/// The athlete's time zone decides their weeks (a Sunday evening set in California stays in that week), changing it
/// moves their sets to the weeks they were logged in, and the gym's loading is set through <c>updateProfile</c> with
/// a VALIDATION error naming the field and nothing written when it is wrong.
/// </summary>
public sealed class TimeZoneAndLoadingTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Update = """
        mutation($i: UpdateProfileInput!) {
          updateProfile(input: $i) { profile { timeZone units planVersion loading { unit dumbbellStep barWeight kettlebellSizes } } }
        }
        """;

    private const string BodyMapOf = "query($w: Date) { bodyMap(weekStart: $w) { weekStart muscles { muscle hardSets } } }";

    [Fact]
    public async Task A_profile_starts_in_UTC_and_takes_an_IANA_time_zone()
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));

        var before = await client.PostGraphQLAsync("{ profile { timeZone } }");
        var after = await UpdateAsync(client, new { timeZone = "America/Los_Angeles" });

        Assert.Equal("UTC", before.Data!["profile"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("America/Los_Angeles", after.Payload("updateProfile")["profile"]!["timeZone"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("PST")]
    [InlineData("+02:00")]
    [InlineData("Pacific Standard Time")]
    [InlineData("")]
    public async Task A_time_zone_that_is_not_an_IANA_id_is_a_validation_error_and_changes_nothing(string timeZone)
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        var version = (await client.PostGraphQLAsync("{ profile { planVersion } }")).Data!["profile"]!["planVersion"]!.GetValue<int>();

        var response = await UpdateAsync(client, new { timeZone, daysPerWeek = 5 });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal("timeZone", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        var profile = (await client.PostGraphQLAsync("{ profile { planVersion daysPerWeek timeZone } }")).Data!["profile"]!;
        Assert.Equal(version, profile["planVersion"]!.GetValue<int>());
        Assert.Equal("UTC", profile["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_Sunday_evening_set_in_California_counts_in_that_week_and_moves_when_the_time_zone_changes()
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        var sundayEvening = SundayEveningInLosAngeles(); // Monday 03:00–04:00 UTC
        var utcMonday = DateOnly.FromDateTime(sundayEvening.UtcDateTime);
        var laMonday = utcMonday.AddDays(-7);
        await UpdateAsync(client, new { timeZone = "America/Los_Angeles" });

        var sessionId = await client.StartSessionAsync();
        Assert.Null((await client.PostGraphQLAsync(SessionApi.LogSet, new
        {
            input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = "barbell-back-squat", loadKg = 100m, reps = 5, rpe = 8m, performedAt = sundayEvening },
        })).Errors);

        Assert.True(await QuadsHardSetsAsync(client, laMonday) > 0, "the set counts in the Californian week it was done in");
        Assert.Equal(0m, await QuadsHardSetsAsync(client, utcMonday));

        await UpdateAsync(client, new { timeZone = "Europe/Berlin" });

        Assert.Equal(0m, await QuadsHardSetsAsync(client, laMonday));
        Assert.True(await QuadsHardSetsAsync(client, utcMonday) > 0, "in Berlin the same instant is Monday morning: the body map moved it");
    }

    [Fact]
    public async Task Loading_is_set_in_the_athletes_units_and_the_plan_rounds_to_it()
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));

        var updated = await UpdateAsync(client, new
        {
            units = "LB", equipment = new[] { "DUMBBELL", "BENCH" }, daysPerWeek = 4,
            loading = new { dumbbellStep = 2.5m },
        });
        var plan = await client.PostGraphQLAsync("{ weeklyPlan { unit days { exercises { exercise { id equipment } targetSets { load } } } } }");

        var loading = updated.Payload("updateProfile")["profile"]!["loading"]!;
        Assert.Equal("LB", loading["unit"]!.GetValue<string>());
        Assert.Equal(2.5m, loading["dumbbellStep"]!.GetValue<decimal>());
        Assert.Equal(45m, loading["barWeight"]!.GetValue<decimal>()); // the rest stays the pound defaults
        var exercises = plan.Data!["weeklyPlan"]!["days"]!.AsArray().SelectMany(d => d!["exercises"]!.AsArray()).ToList();
        Assert.Equal(4, plan.Data!["weeklyPlan"]!["days"]!.AsArray().Count);
        Assert.All(exercises, e => Assert.All(e!["exercise"]!["equipment"]!.AsArray(), q => Assert.Contains(q!.GetValue<string>(), new[] { "DUMBBELL", "BENCH", "BODYWEIGHT" })));
        var dumbbellLoads = exercises.Where(e => e!["exercise"]!["equipment"]!.AsArray().Any(q => q!.GetValue<string>() == "DUMBBELL"))
            .SelectMany(e => e!["targetSets"]!.AsArray().Select(t => t!["load"]!.GetValue<decimal>())).ToList();
        Assert.NotEmpty(dumbbellLoads);
        Assert.All(dumbbellLoads, load => Assert.Equal(0m, load % 2.5m));
    }

    [Fact]
    public async Task Changing_units_without_loading_returns_to_the_new_units_defaults()
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        await UpdateAsync(client, new { loading = new { dumbbellStep = 1m } });

        var pounds = await UpdateAsync(client, new { units = "LB" });

        Assert.Equal(5m, pounds.Payload("updateProfile")["profile"]!["loading"]!["dumbbellStep"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("dumbbellStep", -1)]
    [InlineData("dumbbellStep", 0)]
    [InlineData("barWeight", 500)]
    [InlineData("stackStep", 0.0001)]
    [InlineData("bodyweightStep", 0)]
    public async Task A_bad_loading_value_is_a_validation_error_naming_it_and_nothing_is_written(string field, double value)
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));
        var loading = new JsonObject { [field] = value };

        var response = await UpdateAsync(client, new { daysPerWeek = 5, loading });

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal($"loading.{field}", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
        var profile = (await client.PostGraphQLAsync("{ profile { planVersion daysPerWeek } }")).Data!["profile"]!;
        Assert.Equal(1, profile["planVersion"]!.GetValue<int>());
        Assert.Equal(3, profile["daysPerWeek"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(new[] { 16.0, 12.0 })]
    [InlineData(new double[0])]
    [InlineData(new[] { 12.0, 12.0 })]
    public async Task Kettlebells_are_one_or_more_sizes_ascending(double[] sizes)
    {
        using var client = await api.CreateClientForAsync(await api.CreateUserAsync(UserRole.Athlete));

        var response = await UpdateAsync(client, new { loading = new { kettlebellSizes = sizes } });

        Assert.Equal("loading.kettlebellSizes", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    private static DateTimeOffset SundayEveningInLosAngeles()
    {
        var now = DateTimeOffset.UtcNow;
        var monday = now.UtcDateTime.Date.AddDays(-(((int)now.UtcDateTime.DayOfWeek + 6) % 7));
        var candidate = new DateTimeOffset(monday.AddHours(3.5), TimeSpan.Zero); // 19:30 or 20:30 on Sunday in Los Angeles
        return candidate > now.AddMinutes(-5) ? candidate.AddDays(-7) : candidate;
    }

    private static async Task<decimal> QuadsHardSetsAsync(HttpClient client, DateOnly week)
    {
        var map = await client.PostGraphQLAsync(BodyMapOf, new { w = week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(map.Errors is null, map.ToString());
        return map.Data!["bodyMap"]!["muscles"]!.AsArray().Single(m => m!["muscle"]!.GetValue<string>() == "QUADS")!["hardSets"]!.GetValue<decimal>();
    }

    private static Task<GraphQLResponse> UpdateAsync(HttpClient client, object fields)
    {
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(fields))!.AsObject();
        input["clientMutationId"] = Guid.NewGuid().ToString();
        return client.PostGraphQLAsync(Update, new { i = input });
    }
}
