using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Sessions;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Coaching;

/// <summary>The coach's athlete list costs the same SQL statements for 1, 10 or 50 athletes (no N+1).</summary>
public sealed class CoachAthletesQueryTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string AthletesQuery = """
        query Athletes {
          athletes {
            id
            user { id displayName }
            bodyMap { version muscles { muscle hardSets volumeLoadKg } }
            recentSessions(first: 3) { id startedAt sets { id loadKg reps exercise { id name primaryMuscles } } }
            activeSession { id }
          }
        }
        """;

    [Fact]
    public async Task Athlete_list_with_body_maps_and_recent_sessions_runs_the_same_number_of_statements_for_1_10_and_50_athletes()
    {
        var counts = new Dictionary<int, int>();
        foreach (var athleteCount in new[] { 1, 10, 50 })
        {
            var coach = await CreateCoachWithAthletesAsync(athleteCount);
            using var client = await api.CreateClientForAsync(coach);
            await client.PostGraphQLAsync(AthletesQuery); // warm-up: EF model and query caches

            using var sql = new SqlStatementCounter(api.ConnectionString);
            var response = await client.PostGraphQLAsync(AthletesQuery);

            Assert.True(response.Errors is null, response.ToString());
            var athletes = response.Data!["athletes"]!.AsArray();
            Assert.Equal(athleteCount, athletes.Count);
            Assert.All(athletes, a =>
            {
                Assert.Equal(3, a!["recentSessions"]!.AsArray().Count);
                Assert.Equal(2, a["recentSessions"]![0]!["sets"]!.AsArray().Count);
                Assert.True(a["bodyMap"]!["version"]!.GetValue<int>() > 0);
                Assert.NotNull(a["activeSession"]);
            });
            counts[athleteCount] = sql.Count;
        }

        Assert.Equal(counts[1], counts[10]);
        Assert.Equal(counts[1], counts[50]);
        Assert.InRange(counts[1], 1, 10);
    }

    [Fact]
    public async Task Athletes_is_for_coaches_only()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var response = await client.PostGraphQLAsync(AthletesQuery);

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
    }

    private async Task<DemoUser> CreateCoachWithAthletesAsync(int athleteCount)
    {
        var coach = await api.CreateUserAsync(UserRole.Coach);
        var now = DateTimeOffset.UtcNow;
        await using (var db = await api.CreateDbAsync())
        {
            for (var i = 0; i < athleteCount; i++)
            {
                var athlete = new User { Id = Guid.CreateVersion7(), DisplayName = $"Athlete {i:000}", Role = UserRole.Athlete };
                db.Users.Add(athlete);
                db.CoachLinks.Add(new CoachLink
                {
                    Id = Guid.CreateVersion7(), CoachId = coach.Id, AthleteId = athlete.Id, RequestedBy = athlete.Id,
                    Status = CoachLinkStatus.Active, CreatedAt = now, AcceptedAt = now,
                });
                for (var s = 0; s < 4; s++)
                {
                    var session = new TrainingSession
                    {
                        Id = Guid.CreateVersion7(), AthleteId = athlete.Id, StartedAt = now.AddHours(-s - 1), FinishedAt = s == 0 ? null : now.AddHours(-s), Version = 3,
                    };
                    db.Sessions.Add(session);
                    db.Sets.Add(new WorkoutSet { Id = Guid.CreateVersion7(), SessionId = session.Id, AthleteId = athlete.Id, ExerciseId = "barbell-back-squat", Order = 1, LoadKg = 100, Reps = 5, Rpe = 8, PerformedAt = now.AddHours(-s - 1), UpdatedAt = now });
                    db.Sets.Add(new WorkoutSet { Id = Guid.CreateVersion7(), SessionId = session.Id, AthleteId = athlete.Id, ExerciseId = "pull-up", Order = 2, LoadKg = 0, Reps = 8, PerformedAt = now.AddHours(-s - 1), UpdatedAt = now });
                }
            }

            await db.SaveChangesAsync();
        }

        await api.Services.GetRequiredService<BodyMapRebuild>().RebuildAsync(null, CancellationToken.None);
        return coach;
    }
}
