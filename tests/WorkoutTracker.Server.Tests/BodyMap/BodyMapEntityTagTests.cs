using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.BodyMap;

/// <summary>bodyMap fetched by GET carries an ETag from the week's version; If-None-Match gives 304.</summary>
public sealed class BodyMapEntityTagTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    [Fact]
    public async Task Second_get_with_the_etag_is_304_with_no_body_until_a_set_changes()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);

        var first = await client.GetPersistedAsync("BodyMap");
        var etag = first.Headers.ETag?.ToString();
        var notModified = await client.GetPersistedAsync("BodyMap", ifNoneMatch: etag);
        var sessionId = await client.StartSessionAsync();
        await client.LogSetAsync(sessionId);
        var changed = await client.GetPersistedAsync("BodyMap", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(etag);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.True(first.Headers.CacheControl!.Private);
        Assert.True(first.Headers.CacheControl.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, notModified.Status);
        Assert.Null(notModified.Body);
        Assert.Equal(etag, notModified.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(etag, changed.Headers.ETag?.ToString());
        Assert.Equal(1, changed.Data!["bodyMap"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_users_etag_never_matches()
    {
        var first = await api.CreateUserAsync(UserRole.Athlete);
        var second = await api.CreateUserAsync(UserRole.Athlete);
        using var firstClient = await api.CreateClientForAsync(first);
        using var secondClient = await api.CreateClientForAsync(second);

        var etag = (await firstClient.GetPersistedAsync("BodyMap")).Headers.ETag!.ToString();
        var response = await secondClient.GetPersistedAsync("BodyMap", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Different_variables_have_different_etags()
    {
        using var client = await api.CreateClientForAsync(DemoUsers.Athlete);

        var thisWeek = await client.GetPersistedAsync("BodyMap");
        var lastYear = await client.GetPersistedAsync("BodyMap", new { weekStart = "2025-11-24" });

        Assert.NotEqual(thisWeek.Headers.ETag!.ToString(), lastYear.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task The_304_path_reads_only_versions_not_the_body_map()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(athlete);
        var sessionId = await client.StartSessionAsync();
        await client.LogSetAsync(sessionId);
        var etag = (await client.GetPersistedAsync("BodyMap")).Headers.ETag!.ToString();
        api.Services.GetRequiredService<AthleteVersionCache>().Forget(athlete.Id); // cold: the week's version is read

        using var sql = new SqlStatementCounter(api.ConnectionString);
        var response = await client.GetPersistedAsync("BodyMap", ifNoneMatch: etag);
        var cold = sql.Statements;
        sql.Reset();
        var warm = await client.GetPersistedAsync("BodyMap", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, response.Status);
        Assert.NotEmpty(cold);
        Assert.DoesNotContain(cold, s => s.Contains("body_map_muscles", StringComparison.Ordinal));
        Assert.Contains(cold, s => s.Contains("body_map_weeks", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotModified, warm.Status);
        Assert.True(sql.Count == 0, string.Join("\n", sql.Statements));
    }

    [Fact]
    public async Task Errors_are_not_cached()
    {
        var stranger = await api.CreateUserAsync(UserRole.Athlete);
        using var client = await api.CreateClientForAsync(stranger);

        var response = await client.GetPersistedAsync("BodyMap", new { athleteId = DemoUsers.Athlete.Id });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Null(response.Headers.ETag);
    }
}
