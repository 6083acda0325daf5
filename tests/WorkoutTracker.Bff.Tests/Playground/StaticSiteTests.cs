using System.Net;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Playground;

/// <summary>A BFF whose playground and mobile web builds are missing, and one with a mobile web build.</summary>
public sealed class StaticSitesSystem : BffSystem
{
    public static string MobileDist { get; } = Path.Combine(Path.GetTempPath(), "wt-bff-mobile-" + Guid.NewGuid().ToString("N"));

    public static string PlaygroundDist { get; } = Path.Combine(Path.GetTempPath(), "wt-bff-playground-" + Guid.NewGuid().ToString("N"));

    protected override int BffCount => 2;

    protected override Task BeforeStartAsync()
    {
        Directory.CreateDirectory(Path.Combine(MobileDist, "assets"));
        File.WriteAllText(Path.Combine(MobileDist, "index.html"), "<!doctype html><title>mobile web</title>");
        File.WriteAllText(Path.Combine(MobileDist, "assets", "app.js"), "console.log('app');");
        Directory.CreateDirectory(Path.Combine(PlaygroundDist, "assets"));
        File.WriteAllText(Path.Combine(PlaygroundDist, "index.html"), "<!doctype html><title>playground</title>");
        File.WriteAllText(Path.Combine(PlaygroundDist, "assets", "playground.js"), "console.log('playground');");
        return Task.CompletedTask;
    }

    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff)
    {
        bff["Bff:Playground:DistPath"] = "/nonexistent/playground";
        bff["Bff:MobileWeb:DistPath"] = "/nonexistent/mobile";
    }

    /// <summary>BFF 1 serves both builds (its settings differ from BFF 0's only there).</summary>
    protected override void ConfigureInstance(int index, IDictionary<string, string?> bff)
    {
        if (index == 1)
        {
            bff["Bff:MobileWeb:DistPath"] = MobileDist;
            bff["Bff:Playground:DistPath"] = PlaygroundDist;
        }
    }
}

public sealed class StaticSiteTests(StaticSitesSystem system) : IClassFixture<StaticSitesSystem>
{
    [Fact]
    public async Task Without_a_playground_build_the_bff_runs_and_the_playground_path_is_404_with_a_hint()
    {
        using var client = system.Bffs[0].CreateBffClient();

        using var playground = await client.SendAsync(HttpMethod.Get, "/playground/", csrf: false);
        using var root = await client.SendAsync(HttpMethod.Get, "/", csrf: false);
        using var health = await client.SendAsync(HttpMethod.Get, "/health/ready", csrf: false);

        Assert.Equal(HttpStatusCode.NotFound, playground.StatusCode);
        Assert.Contains("npm ci && npm run build", await playground.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode); // no mobile build: nothing at /
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_mobile_web_build_is_served_at_the_root_as_a_single_page_app()
    {
        using var client = system.Bffs[1].CreateBffClient();

        using var root = await client.SendAsync(HttpMethod.Get, "/", csrf: false);
        using var deepLink = await client.SendAsync(HttpMethod.Get, "/session/123", csrf: false);
        using var asset = await client.SendAsync(HttpMethod.Get, "/assets/app.js", csrf: false);
        using var missingAsset = await client.SendAsync(HttpMethod.Get, "/assets/missing.js", csrf: false);
        using var bffPath = await client.SendAsync(HttpMethod.Get, "/bff/unknown", csrf: false);

        Assert.Contains("mobile web", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("mobile web", await deepLink.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingAsset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bffPath.StatusCode);
    }

    [Fact]
    public async Task The_playground_keeps_its_path_beside_the_mobile_app()
    {
        using var client = system.Bffs[1].CreateBffClient();

        using var playground = await client.SendAsync(HttpMethod.Get, "/playground/", csrf: false);
        using var playgroundAsset = await client.SendAsync(HttpMethod.Get, "/playground/assets/playground.js", csrf: false);
        using var appRoute = await client.SendAsync(HttpMethod.Get, "/athletes/42", csrf: false);

        Assert.Contains("<title>playground</title>", await playground.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, playgroundAsset.StatusCode);
        Assert.Contains("mobile web", await appRoute.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
