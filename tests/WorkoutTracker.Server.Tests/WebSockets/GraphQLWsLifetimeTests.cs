using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace WorkoutTracker.Server.Tests.WebSockets;

/// <summary>A client that never sends <c>connection_init</c> is closed after the configured wait.</summary>
public sealed class GraphQLWsInitTimeoutTests(GraphQLWsInitTimeoutTests.ShortInitHost host) : IClassFixture<GraphQLWsInitTimeoutTests.ShortInitHost>
{
    public sealed class ShortInitHost : WebSocketTestHost
    {
        public ShortInitHost() => With("GraphQL:WebSockets:ConnectionInitTimeout", "00:00:00.300");
    }

    /// <summary>
    /// A wait of an hour on a clock the test moves: on a loaded machine a real 300 ms could pass before the
    /// server reads a <c>connection_init</c> sent at once, which is not what the tests below are about.
    /// </summary>
    public sealed class MovedClockHost : WebSocketTestHost
    {
        public MovedClockHost()
        {
            With("GraphQL:WebSockets:ConnectionInitTimeout", "01:00:00");
            WithServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_4408()
    {
        using var client = await GraphQLWsTestClient.ConnectAsync(host.GraphQLUri);
        var waited = Stopwatch.StartNew();

        var close = await client.ReceiveCloseAsync();

        Assert.Equal((4408, "Connection initialisation timeout"), close);
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_connection_initialised_in_time_is_not_closed_by_the_timeout()
    {
        var moved = new MovedClockHost();
        await moved.InitializeAsync();
        try
        {
            using var client = await GraphQLWsTestClient.ConnectAndInitAsync(moved);

            moved.Clock.Advance(TimeSpan.FromHours(2));
            await client.SendAsync(new { type = "ping" });

            Assert.Equal("pong", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        }
        finally
        {
            await moved.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_connection_not_initialised_when_the_clock_passes_the_wait_is_closed_4408()
    {
        var moved = new MovedClockHost();
        await moved.InitializeAsync();
        try
        {
            using var client = await GraphQLWsTestClient.ConnectAsync(moved.GraphQLUri);
            // The server's wait starts before it reads the socket; a ping it answers says it reads it.
            await client.SendAsync(new { type = "ping" });
            Assert.Equal("pong", (await client.ReceiveAsync())["type"]!.GetValue<string>());

            moved.Clock.Advance(TimeSpan.FromHours(1));

            Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
        }
        finally
        {
            await moved.DisposeAsync();
        }
    }
}

/// <summary>Limits and the end of the host's life, each on a host of its own.</summary>
public sealed class GraphQLWsLifetimeTests
{
    [Fact]
    public async Task Stopping_the_server_closes_sockets_1001_and_disposes_their_streams()
    {
        var host = new WebSocketTestHost();
        await host.InitializeAsync();
        using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);
        var tag = Guid.NewGuid().ToString("N");
        await client.SubscribeAsync("f", "subscription($tag: String!) { forever(tag: $tag) }", new { tag });
        Assert.Equal("next", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        var streams = host.Streams;

        var stopping = host.DisposeAsync();
        var close = await client.ReceiveCloseAfterResultsAsync();
        await stopping;

        Assert.Equal((1001, "Server shutting down"), close);
        await streams.WhenStopped(tag).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_execution_timeout_does_not_end_a_subscription_stream()
    {
        var host = new WebSocketTestHost().With("GraphQL:ExecutionTimeout", "00:00:00.200");
        await host.InitializeAsync();
        try
        {
            using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host);
            var tag = Guid.NewGuid().ToString("N");
            await client.SubscribeAsync("f", "subscription($tag: String!) { forever(tag: $tag) }", new { tag });
            await Task.Delay(600);

            await client.SendAsync(new { type = "ping" });
            await client.ReceiveUntilAsync("pong");
            var late = await client.ReceiveAsync();
            Assert.Equal(("next", null), (late["type"]!.GetValue<string>(), late["payload"]!["errors"]));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
