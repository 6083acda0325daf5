using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Agent.Plugins;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Progression;

/// <summary>
/// An e1RM's day is the athlete's day, in their time zone (<c>users.time_zone</c>), like their plan and body map
/// weeks: a set at 21:30 on a Wednesday in Los Angeles is already Thursday in UTC, and must stay on Wednesday in
/// <c>e1rmHistory</c>, in the exercise's days and in the coach's e1RM trend and records.
/// </summary>
public sealed class AthleteDayTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Squat = "barbell-back-squat";

    /// <summary>Wednesday 2026-06-10, 21:30 in Los Angeles (PDT, UTC-7): Thursday 04:30 in UTC.</summary>
    private static readonly DateTimeOffset LateWednesdayInLosAngeles = new(2026, 6, 11, 4, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly Wednesday = new(2026, 6, 10);

    [Fact]
    public async Task A_late_evening_set_in_Los_Angeles_is_on_the_athletes_day_in_e1rmHistory()
    {
        var (client, _) = await LosAngelesAthleteWithLateSetAsync();

        var all = await client.PostGraphQLAsync(
            "query($e: ID!, $f: Date, $t: Date) { e1rmHistory(exerciseId: $e, from: $f, to: $t) { date e1rmKg } }",
            new { e = Squat, f = "2026-06-01", t = "2026-06-30" });
        var thatDay = await client.PostGraphQLAsync(
            "query($e: ID!, $f: Date, $t: Date) { e1rmHistory(exerciseId: $e, from: $f, to: $t) { date } }",
            new { e = Squat, f = "2026-06-10", t = "2026-06-10" });
        var utcDay = await client.PostGraphQLAsync(
            "query($e: ID!, $f: Date, $t: Date) { e1rmHistory(exerciseId: $e, from: $f, to: $t) { date } }",
            new { e = Squat, f = "2026-06-11", t = "2026-06-11" });

        Assert.True(all.Errors is null, all.ToString());
        Assert.Equal(["2026-06-10"], Dates(all.Data!["e1rmHistory"]!));
        Assert.Equal(["2026-06-10"], Dates(thatDay.Data!["e1rmHistory"]!));
        Assert.Empty(utcDay.Data!["e1rmHistory"]!.AsArray());
    }

    [Fact]
    public async Task A_late_evening_set_in_Los_Angeles_is_on_the_athletes_day_in_the_exercises_days()
    {
        var (client, _) = await LosAngelesAthleteWithLateSetAsync();
        const string Days = "query($e: ID!, $b: Date) { exerciseHistory(exerciseId: $e, before: $b) { days { date } } }";

        var days = await client.PostGraphQLAsync(Days, new { e = Squat, b = (string?)null });
        var beforeThursday = await client.PostGraphQLAsync(Days, new { e = Squat, b = "2026-06-11" });
        var beforeWednesday = await client.PostGraphQLAsync(Days, new { e = Squat, b = "2026-06-10" });

        Assert.True(days.Errors is null, days.ToString());
        Assert.Equal(["2026-06-10"], Dates(days.Data!["exerciseHistory"]!["days"]!));
        Assert.Equal(["2026-06-10"], Dates(beforeThursday.Data!["exerciseHistory"]!["days"]!));
        Assert.Empty(beforeWednesday.Data!["exerciseHistory"]!["days"]!.AsArray());
    }

    [Fact]
    public async Task The_coachs_e1rm_trend_and_records_date_the_set_on_the_athletes_day()
    {
        var (_, athlete) = await LosAngelesAthleteWithLateSetAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var coachScope = await scope.ServiceProvider.GetRequiredService<CoachScopes>().ForAsync(athlete.Id, CancellationToken.None);
        var tools = scope.ServiceProvider.GetRequiredService<CoachPluginFactory>().Create(coachScope, new CoachLedger());

        var trend = await tools.History.GetE1rmTrendAsync(Squat, CancellationToken.None);
        var records = await tools.History.GetPersonalRecordsAsync(Squat, CancellationToken.None);

        Assert.Equal(["2026-06-10"], trend.Points.Select(p => p.Date));
        Assert.Equal("2026-06-10", Assert.Single(records).BestE1rm.Date);
    }

    private async Task<(HttpClient Client, DemoUser Athlete)> LosAngelesAthleteWithLateSetAsync()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var client = await api.CreateClientForAsync(athlete);
        var zone = await client.PostGraphQLAsync(
            "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { profile { timeZone } } }",
            new { i = new { clientMutationId = Guid.NewGuid().ToString(), timeZone = "America/Los_Angeles" } });
        Assert.True(zone.Errors is null, zone.ToString());
        var sessionId = await client.StartSessionAsync();
        var logged = await client.PostGraphQLAsync(SessionApi.LogSet, new
        {
            input = new { clientMutationId = Guid.NewGuid().ToString(), sessionId, exerciseId = Squat, loadKg = 100m, reps = 5, rpe = 8m, performedAt = LateWednesdayInLosAngeles },
        });
        Assert.True(logged.Errors is null, logged.ToString());
        Assert.Equal(Wednesday, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(LateWednesdayInLosAngeles, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime));
        return (client, athlete);
    }

    private static List<string> Dates(JsonNode list) => [.. list.AsArray().Select(d => d!["date"]!.GetValue<string>())];
}
