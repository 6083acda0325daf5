using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkoutTracker.Bff.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>
/// The mobile app's web build in headless Chromium against the real BFF, server and PostgreSQL: an
/// athlete trains through a network outage and the server ends up with every set, once; a coach
/// watches an athlete's session live. Screenshots of each screen go to <c>artifacts/screenshots/mobile-*.png</c>.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class MobileAppTests : IClassFixture<MobileWebSystem>
{
    private readonly MobileWebSystem system;
    private readonly ITestOutputHelper output;

    public MobileAppTests(MobileWebSystem system, ITestOutputHelper output)
    {
        this.system = system;
        this.output = output;
        Assertions.SetDefaultExpectTimeout(30_000); // the whole suite shares two cores
    }

    [Fact]
    public async Task Athlete_logs_three_sets_online_and_two_offline_and_the_server_holds_exactly_five()
    {
        var clock = Stopwatch.StartNew();
        await system.WaitUntilNoLiveSubscriptionsAsync();
        await using var phone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var (context, page, traffic) = (phone.Context, phone.Page, phone.Traffic);

        await SignInAsAthleteAsync(page, screenshot: "mobile-sign-in.png");

        // This week's plan.
        var startDay1 = page.GetByRole(AriaRole.Button, new() { NameRegex = StartDay1() });
        await Assertions.Expect(startDay1).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Week of "))).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-week.png");

        // Start day 1: the app opens the session at /session/<id>.
        var subscriptionsBefore = system.LiveSubscriptions;
        await startDay1.ClickAsync();
        await page.WaitForURLAsync(SessionUrl());
        var sessionId = SessionUrl().Match(page.Url).Groups["id"].Value;
        output.WriteLine($"session {sessionId} after {clock.Elapsed.TotalSeconds:0.0} s");

        // The Copilot suggests the next set.
        var copilot = page.GetByText(new Regex("^Next: "));
        await Assertions.Expect(copilot).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-session-start.png");

        // Three sets with the network on: each one syncs (and, once the subscriptions are in place, comes back live).
        await traffic.WaitForSubscribeAsync("SessionUpdated", TimeSpan.FromSeconds(15));
        await traffic.WaitForSubscribeAsync("CopilotUpdated", TimeSpan.FromSeconds(15));
        await system.WaitForLiveSubscriptionsAsync(subscriptionsBefore + 2, TimeSpan.FromSeconds(15));
        var logSet = page.GetByRole(AriaRole.Button, new() { NameRegex = LogSetButton() }).First;
        var exercise = LogSetButton().Match(await logSet.GetAttributeAsync("aria-label") ?? "").Groups["exercise"].Value;
        for (var n = 1; n <= 3; n++)
        {
            await logSet.ClickAsync();
            await Assertions.Expect(SetRow(page, n, exercise, synced: true)).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByText(WaitingToSync())).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "mobile-session.png");
        using var api = await system.SignInAthleteAsync();
        Assert.Equal(3, (await ServerSetsAsync(api, sessionId)).Count);

        // The network goes away: two more sets wait on the phone.
        await context.SetOfflineAsync(true);
        for (var n = 4; n <= 5; n++)
        {
            await logSet.ClickAsync();
            await Assertions.Expect(SetRow(page, n, exercise, synced: false)).ToBeVisibleAsync();
        }

        // (the week screen under the session has a banner too: the one on screen counts)
        var banner = page.GetByText(new Regex("^2 sets waiting to sync")).Filter(new() { Visible = true });
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await banner.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "mobile-session-offline.png");
        Assert.Equal(3, (await ServerSetsAsync(api, sessionId)).Count);

        // Back online: the queue drains by itself.
        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByText(WaitingToSync())).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(SetRow(page, 5, exercise, synced: true)).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-session-synced.png");

        var sets = await ServerSetsAsync(api, sessionId);
        Assert.Equal(5, sets.Count);
        Assert.Equal([1, 2, 3, 4, 5], sets.Select(s => s!["order"]!.GetValue<int>()));
        Assert.All(sets, s => Assert.Equal(exercise, s!["exercise"]!["name"]!.GetValue<string>()));
        // the session's subscriptions (graphql-ws through the BFF's socket) saw the sets and new suggestions
        Assert.Contains(traffic.SocketFrames, f => f.Contains("\"type\":\"next\"", StringComparison.Ordinal) && f.Contains("\"sessionUpdated\"", StringComparison.Ordinal));
        Assert.Contains(traffic.SocketFrames, f => f.Contains("\"type\":\"next\"", StringComparison.Ordinal) && f.Contains("\"copilotUpdated\"", StringComparison.Ordinal));

        // The transport as the BFF enforces it: queries are persisted GETs (documentId=sha256:…), mutations
        // POST a documentId, no document text is ever sent; unchanged queries come back 304 on revalidation.
        var graphql = traffic.Requests;
        Assert.All(graphql.Where(r => r.Method == "GET"), r => Assert.Matches("[?&]documentId=sha256%3A[0-9a-f]{64}&", r.Url));
        Assert.DoesNotContain(graphql, r => r.Url.Contains("query=", StringComparison.Ordinal) || (r.Body?.Contains("\"query\"", StringComparison.Ordinal) ?? false));
        var logSets = graphql.Where(r => r.Method == "POST" && r.Body!.Contains("\"operationName\":\"LogSet\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, logSets.Select(r => JsonNode.Parse(r.Body!)!["variables"]!["input"]!["clientMutationId"]!.GetValue<string>()).Distinct().Count());
        Assert.All(logSets, r => Assert.StartsWith("sha256:", JsonNode.Parse(r.Body!)!["documentId"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(graphql, r => r.IfNoneMatch is not null);
        Assert.NotEmpty(traffic.NotModified);

        // A deep link (the BFF answers /session/<id> with the app): the server's five sets.
        await page.GotoAsync($"/session/{sessionId}");
        await Assertions.Expect(SetRow(page, 5, exercise, synced: true)).ToBeVisibleAsync();

        // The body map shows the muscles the exercise trains.
        var exerciseId = sets[0]!["exercise"]!["id"]!.GetValue<string>();
        var trained = await PrimaryMusclesAsync(api, exerciseId);
        Assert.NotEmpty(trained);
        await page.GotoAsync("/body");
        foreach (var muscle in trained)
        {
            await Assertions.Expect(page.GetByText(new Regex($"^{Regex.Escape(MuscleName(muscle))}: [1-9]"))).ToBeVisibleAsync();
        }

        var bodyMap = (await api.PersistedAsync("BodyMap")).Data!["bodyMap"]!["muscles"]!.AsArray();
        Assert.All(trained, m => Assert.True(bodyMap.Single(v => v!["muscle"]!.GetValue<string>() == m)!["hardSets"]!.GetValue<double>() >= 5));
        await ScreenshotAsync(page, "mobile-body-map.png");

        // The AI coach answers (the server's built-in coach: no model is configured in tests).
        await page.GotoAsync("/coach");
        await page.GetByLabel("Question for the coach").FillAsync("How did my squat go this week?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Answered by the built-in coach from your data")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-coach-chat.png");

        // Swipe left on the fifth set (a mouse drag: the app's swipe is a PanResponder) and delete it.
        await page.GotoAsync($"/session/{sessionId}");
        var fifth = SetRow(page, 5, exercise, synced: true);
        await Assertions.Expect(fifth).ToBeVisibleAsync();
        var delete = page.GetByLabel($"Delete set 5 of {exercise}");
        await SwipeLeftUntilVisibleAsync(page, fifth, delete);
        await delete.ClickAsync();
        await Assertions.Expect(SetRow(page, 5, exercise, synced: true)).ToHaveCountAsync(0);
        for (var attempt = 0; attempt < 100 && (await ServerSetsAsync(api, sessionId)).Count != 4; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(4, (await ServerSetsAsync(api, sessionId)).Count);

        // Equipment is taken: the Copilot (asked again with equipmentTaken) swaps the exercise, and the
        // swap gets a card to log on.
        var taken = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex(" taken$") }).First;
        await taken.ClickAsync();
        await Assertions.Expect(taken).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Swap: "))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Swap for "))).ToBeVisibleAsync();
        Assert.Contains(traffic.Requests, r => r.Method == "GET" && r.Url.Contains("equipmentTaken", StringComparison.Ordinal));
        await ScreenshotAsync(page, "mobile-session-swap.png");

        var consoleErrors = traffic.ConsoleErrors;
        foreach (var error in consoleErrors)
        {
            output.WriteLine("console: " + error);
        }

        // Expected: /bff/user is 401 before signing in; the app has no favicon.
        Assert.All(consoleErrors, e => Assert.Matches("status of 401 .*/bff/user:|status of 404 .*/favicon.ico:", e));
        output.WriteLine($"done after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Athlete_starts_trains_and_finishes_a_session_without_network_and_it_all_syncs_afterwards()
    {
        await system.WaitUntilNoLiveSubscriptionsAsync();
        await using var phone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var (context, page, traffic) = (phone.Context, phone.Page, phone.Traffic);
        await SignInAsAthleteAsync(page);
        var startDay2 = page.GetByRole(AriaRole.Button, new() { NameRegex = StartDay2() });
        await Assertions.Expect(startDay2).ToBeVisibleAsync();

        // No network from here: the session starts on the phone, with an id made there.
        await context.SetOfflineAsync(true);
        await startDay2.ClickAsync();
        await page.WaitForURLAsync(SessionUrl());
        var sessionId = SessionUrl().Match(page.Url).Groups["id"].Value;
        await Assertions.Expect(page.GetByText(new Regex("not synced yet"))).ToBeVisibleAsync();

        var logSet = page.GetByRole(AriaRole.Button, new() { NameRegex = LogSetButton() }).First;
        var exercise = LogSetButton().Match(await logSet.GetAttributeAsync("aria-label") ?? "").Groups["exercise"].Value;
        for (var n = 1; n <= 2; n++)
        {
            await logSet.ClickAsync();
            await Assertions.Expect(SetRow(page, n, exercise, synced: false)).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Finish session" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("finished \\(waiting to sync\\)"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("^4 changes waiting to sync")).Filter(new() { Visible = true })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-session-started-offline.png");
        using var api = await system.SignInAthleteAsync();
        Assert.Null((await api.PersistedAsync("Session", new { id = sessionId })).Data?["session"]);

        // Back online: start, sets and finish reach the server in order, each once.
        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByText(WaitingToSync())).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText(new Regex("· finished$"))).ToBeVisibleAsync();

        var session = (await api.PersistedAsync("Session", new { id = sessionId })).Data!["session"]!;
        Assert.Equal(2, session["planDayNumber"]!.GetValue<int>());
        Assert.NotNull(session["finishedAt"]);
        Assert.Equal([1, 2], session["sets"]!.AsArray().Select(s => s!["order"]!.GetValue<int>()));
        var mutations = traffic.Requests.Where(r => r.Method == "POST" && r.Body is not null).Select(r => JsonNode.Parse(r.Body!)!["operationName"]!.GetValue<string>()).ToList();
        Assert.Equal(["StartSession", "LogSet", "LogSet", "FinishSession"], mutations.Where(m => m is "StartSession" or "LogSet" or "FinishSession"));
    }

    [Fact]
    public async Task Coach_sees_the_training_athlete_and_watches_the_session_live()
    {
        using var athlete = await system.SignInAthleteAsync();
        var sessionId = await athlete.StartSessionAsync();
        await athlete.LogSetAsync(sessionId, loadKg: 100m, reps: 5);

        await system.WaitUntilNoLiveSubscriptionsAsync();
        await using var phone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var (page, traffic) = (phone.Page, phone.Traffic);

        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(DemoAccounts.CoachEmail);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.CoachPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // A coach lands on their athletes: the demo athlete, training now.
        await page.WaitForURLAsync(new Regex("/athletes$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alex Athlete" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Training now")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-coach-athletes.png");

        // Watch the session (read-only): the set logged so far, then a new one as it happens.
        var subscriptionsBefore = system.LiveSubscriptions;
        await page.GetByRole(AriaRole.Button, new() { Name = "Watch Alex Athlete's session" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/athletes/{DemoAccounts.AthleteId}\\?session={sessionId}$"));
        await Assertions.Expect(page.GetByLabel(new Regex("^Set 1 of .*, done 100 kg × 5 @8$"))).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = LogSetButton() }).CountAsync());

        // the subscription has to be in place before the set is logged (graphql-ws has no "subscribed" answer)
        await traffic.WaitForSubscribeAsync("SessionUpdated", TimeSpan.FromSeconds(15));
        await system.WaitForLiveSubscriptionsAsync(subscriptionsBefore + 1, TimeSpan.FromSeconds(15));
        await athlete.LogSetAsync(sessionId, loadKg: 102.5m, reps: 5);
        await Assertions.Expect(page.GetByLabel(new Regex("^Set 2 of .*, done 102.5 kg × 5 @8$"))).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await ScreenshotAsync(page, "mobile-coach-live.png");
    }

    private static async Task SignInAsAthleteAsync(IPage page, string? screenshot = null)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(DemoAccounts.AthleteEmail);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.AthletePassword);
        if (screenshot is not null)
        {
            await ScreenshotAsync(page, screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// Drags <paramref name="row"/> to the left with the mouse until <paramref name="action"/> shows, as a
    /// person swipes again when a swipe did not take: the drag is real input to the app's PanResponder, and
    /// a busy machine can deliver it before the row has settled (scrolled, laid out, hydrated). At least
    /// one swipe must open the action.
    /// </summary>
    private async Task SwipeLeftUntilVisibleAsync(IPage page, ILocator row, ILocator action)
    {
        for (var attempt = 1; ; attempt++)
        {
            await row.ScrollIntoViewIfNeededAsync(); // the mouse can only swipe what is in the viewport
            var box = (await row.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + box.Width - 20, box.Y + (box.Height / 2));
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(box.X + box.Width - 160, box.Y + (box.Height / 2), new() { Steps = 12 });
            await page.Mouse.UpAsync();
            try
            {
                await Assertions.Expect(action).ToBeVisibleAsync(new() { Timeout = 5_000 });
                output.WriteLine($"swipe opened the row's actions on attempt {attempt}");
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                output.WriteLine($"swipe attempt {attempt} did not open the row's actions; swiping again");
            }
        }
    }

    /// <summary>A set's row; synced rows are labelled "Set n of X: target …, done …", pending ones end with ", waiting to sync".</summary>
    private static ILocator SetRow(IPage page, int n, string exercise, bool synced) =>
        page.GetByLabel(new Regex($"^Set {n} of {Regex.Escape(exercise)}: .*, done [^,]+{(synced ? "" : ", waiting to sync")}$"));

    private static async Task<List<JsonNode?>> ServerSetsAsync(BffClient api, string sessionId)
    {
        var result = await api.PersistedAsync("Session", new { id = sessionId });
        var session = result.Data?["session"] ?? throw new InvalidOperationException("Session query failed: " + result);
        return [.. session["sets"]!.AsArray()];
    }

    private static async Task<List<string>> PrimaryMusclesAsync(BffClient api, string exerciseId)
    {
        var plan = await api.PersistedAsync("WeeklyPlan");
        return plan.Data!["weeklyPlan"]!["days"]!.AsArray()
            .SelectMany(d => d!["exercises"]!.AsArray())
            .Select(e => e!["exercise"]!)
            .First(e => e["id"]!.GetValue<string>() == exerciseId)["primaryMuscles"]!.AsArray()
            .Select(m => m!.GetValue<string>())
            .ToList();
    }

    /// <summary>QUADS → "Quads", FRONT_DELTS → "Front delts", as the app names them.</summary>
    private static string MuscleName(string muscle) => muscle[..1] + muscle[1..].ToLowerInvariant().Replace('_', ' ');

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath(name), FullPage = true });

    [GeneratedRegex("^Start day 1,")]
    private static partial Regex StartDay1();

    [GeneratedRegex("^Start day 2,")]
    private static partial Regex StartDay2();

    [GeneratedRegex("/session/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex SessionUrl();

    [GeneratedRegex("^Log set \\d+ of (?<exercise>.+)$")]
    private static partial Regex LogSetButton();

    [GeneratedRegex("waiting to sync")]
    private static partial Regex WaitingToSync();
}
