namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel at a free loopback port, for clients outside the process (a Node
/// graphql-ws client, a proxy). <see cref="BaseAddress"/> is where it listens.
/// </summary>
public class KestrelWorkoutApiFactory : WorkoutApiFactory
{
    public KestrelWorkoutApiFactory() => UseKestrel(0);

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public Uri WebSocketUri => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;

    protected override void StartHost() => StartServer();
}
