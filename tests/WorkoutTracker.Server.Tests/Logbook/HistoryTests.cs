using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Logbook;

/// <summary>History: session summaries newest first (duration, volume, sets, records) and an exercise's days with their best set.</summary>
public sealed class HistoryTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string History = """
        query($first: Int!, $after: String, $a: ID) {
          sessions(first: $first, after: $after, athleteId: $a) {
            edges { node { id note summary { durationSeconds volumeKg setCount hardSetCount exerciseCount records { setId kind value previous exercise { id } } } } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private static async Task<string> SessionAsync(HttpClient client, DateTimeOffset startedAt, params (decimal Load, int Reps, string Type)[] sets)
    {
        var sessionId = (await client.PostGraphQLAsync(SessionApi.StartSession, new { input = new { clientMutationId = LogbookApi.Id(), startedAt } }))
            .Payload("startSession")["session"]!["id"]!.GetValue<string>();
        var at = startedAt;
        foreach (var (load, reps, type) in sets)
        {
            at = at.AddMinutes(3);
            await client.PostGraphQLAsync(LogbookApi.LogSet, new { input = new { clientMutationId = LogbookApi.Id(), sessionId, exerciseId = "barbell-back-squat", loadKg = load, reps, setType = type, performedAt = at } });
        }

        await client.PostGraphQLAsync(SessionApi.FinishSession, new { input = new { clientMutationId = LogbookApi.Id(), sessionId, finishedAt = startedAt.AddMinutes(45) } });
        return sessionId;
    }

    [Fact]
    public async Task The_history_lists_sessions_newest_first_with_duration_volume_sets_and_the_records_they_broke()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var monday = new DateTimeOffset(2026, 11, 2, 17, 0, 0, TimeSpan.Zero);
        var first = await SessionAsync(client, monday, (60m, 5, "WARMUP"), (100m, 5, "WORKING"), (100m, 5, "WORKING"));
        var second = await SessionAsync(client, monday.AddDays(2), (60m, 5, "WARMUP"), (95m, 5, "WORKING"));
        var third = await SessionAsync(client, monday.AddDays(4), (105m, 5, "WORKING"));

        var page = (await client.PostGraphQLAsync(History, new { first = 2 })).Payload("sessions");
        var next = (await client.PostGraphQLAsync(History, new { first = 2, after = page["pageInfo"]!["endCursor"]!.GetValue<string>() })).Payload("sessions");

        var nodes = page["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal([third, second], nodes.Select(n => n["id"]!.GetValue<string>()));
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(first, next["edges"]![0]!["node"]!["id"]!.GetValue<string>());

        var firstSummary = next["edges"]![0]!["node"]!["summary"]!;
        Assert.Equal(45 * 60, firstSummary["durationSeconds"]!.GetValue<int>());
        Assert.Equal(1000, firstSummary["volumeKg"]!.GetValue<double>());
        Assert.Equal((3, 2, 1), (firstSummary["setCount"]!.GetValue<int>(), firstSummary["hardSetCount"]!.GetValue<int>(), firstSummary["exerciseCount"]!.GetValue<int>()));
        Assert.Equal(["HEAVIEST_LOAD", "MOST_REPS_AT_LOAD", "BEST_E1RM"], firstSummary["records"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Empty(nodes[1]["summary"]!["records"]!.AsArray());
        var broken = nodes[0]["summary"]!["records"]!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "HEAVIEST_LOAD")!;
        Assert.Equal((105.0, 100.0), (broken["value"]!.GetValue<double>(), broken["previous"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Exercise_history_gives_every_set_of_each_day_and_the_best_set_newest_day_first_in_pages()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var monday = new DateTimeOffset(2026, 11, 2, 17, 0, 0, TimeSpan.Zero);
        await SessionAsync(client, monday, (60m, 5, "WARMUP"), (100m, 5, "WORKING"), (90m, 8, "DROP"));
        await SessionAsync(client, monday.AddDays(2), (102.5m, 3, "WORKING"));
        const string Query = """
            query($before: Date) { exerciseHistory(exerciseId: "barbell-back-squat", first: 1, before: $before) {
              exercise { id } hasMore days { date volumeKg bestE1rmKg bestSet { loadKg reps setType } sets { loadKg setType } } } }
            """;

        var newest = (await client.PostGraphQLAsync(Query)).Payload("exerciseHistory");
        var older = (await client.PostGraphQLAsync(Query, new { before = newest["days"]![0]!["date"]!.GetValue<string>() })).Payload("exerciseHistory");

        Assert.Equal("2026-11-04", newest["days"]![0]!["date"]!.GetValue<string>());
        Assert.True(newest["hasMore"]!.GetValue<bool>());
        var day = older["days"]![0]!;
        Assert.Equal("2026-11-02", day["date"]!.GetValue<string>());
        Assert.False(older["hasMore"]!.GetValue<bool>());
        Assert.Equal(["WARMUP", "WORKING", "DROP"], day["sets"]!.AsArray().Select(s => s!["setType"]!.GetValue<string>()));
        Assert.Equal((100.0, 5), (day["bestSet"]!["loadKg"]!.GetValue<double>(), day["bestSet"]!["reps"]!.GetValue<int>()));
        Assert.Equal(100 * 5 + 90 * 8, day["volumeKg"]!.GetValue<double>());
    }
}
