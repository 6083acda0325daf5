using System.Net;
using Microsoft.Playwright;
using WorkoutTracker.Bff.Tests.Infrastructure;
using WorkoutTracker.EndToEnd.Tests.MobileWeb;
using Xunit.Abstractions;

namespace WorkoutTracker.EndToEnd.Tests.FirstRun;

/// <summary>
/// What a newcomer does first, on what a newcomer has: a fresh copy of the checkout in a folder only root
/// may enter, no <c>.data/</c>, no cluster, no database. <c>./run.sh</c> must come up the first time (its
/// own PostgreSQL created outside the folder, the database created, migrated and seeded), serve the app
/// and the playground, sign the demo athlete in through the BFF, and stop on SIGTERM leaving nothing
/// running.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NewcomerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_sh_on_a_fresh_copy_in_a_root_only_folder_comes_up_first_time_and_stops_on_SIGTERM_leaving_nothing_running()
    {
        await MobileWebBuild.EnsureAsync();
        await PlaygroundBuild.EnsureAsync();
        await using var checkout = await NewcomerCheckout.CreateAsync();
        Assert.False(Directory.Exists(Path.Combine(checkout.Root, ".data")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(checkout.Root)!));

        var (serverPort, bffPort) = (FreePort(), FreePort());
        await using var run = RunScript.Start(checkout.Root, serverPort, bffPort);
        try
        {
            // run.sh builds the server and the BFF itself: minutes on a busy two-core machine.
            await run.WaitForLineAsync("WorkoutTracker is running.", TimeSpan.FromMinutes(10));
            if (Environment.UserName == "root")
            {
                // The copy is out of the postgres user's reach: the cluster lives outside it.
                Assert.False(checkout.ClusterFolder.StartsWith(checkout.Root, StringComparison.Ordinal), checkout.ClusterFolder);
            }

            await UseItAsANewcomerAsync(new Uri($"http://127.0.0.1:{bffPort}/"));
        }
        finally
        {
            output.WriteLine(run.Output);
        }

        var exitCode = await run.TerminateAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(143, exitCode); // 128 + SIGTERM: stopped, not failed
        Assert.DoesNotContain("exited (status", run.Output, StringComparison.Ordinal);

        var left = await ProcessesUnder.WaitUntilNoneAsync(TimeSpan.FromSeconds(15), checkout.Root, checkout.ClusterFolder);
        Assert.True(left.Count == 0, "Still running after run.sh stopped:\n" + string.Join('\n', left));
        Assert.False(File.Exists(Path.Combine(checkout.ClusterFolder, "data", "postmaster.pid")), "run.sh left its PostgreSQL running");
    }

    private static async Task UseItAsANewcomerAsync(Uri bff)
    {
        // The demo athlete signs in through the BFF and runs a persisted query.
        using var athlete = new BffClient(bff, cookie: null);
        using (var login = await athlete.LoginAsync(DemoAccounts.AthleteEmail, DemoAccounts.AthletePassword))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var me = await athlete.PersistedAsync("Me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Null(me.Errors);
        Assert.Equal(DemoAccounts.AthleteId, me.Data!["me"]!["id"]!.GetValue<string>());
        Assert.Equal("ATHLETE", me.Data["me"]!["role"]!.GetValue<string>());

        // The app at / and the playground at /playground, in a browser.
        await using var browser = await PhoneBrowser.OpenAsync(bff);
        await browser.Page.GotoAsync("/");
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await browser.Page.GotoAsync("/playground/");
        await Assertions.Expect(browser.Page.Locator("#email")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
