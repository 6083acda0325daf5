using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>The real server and BFF over a PostgreSQL database of their own, the BFF serving the mobile web export at <c>/</c>.</summary>
public sealed class MobileWebSystem : BffSystem
{
    protected override Task BeforeStartAsync() => MobileWebBuild.EnsureAsync();

    protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff) =>
        bff["Bff:MobileWeb:DistPath"] = MobileWebBuild.DistPath;
}
