using Microsoft.Playwright;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Playground;

/// <summary>The BFF serving the GraphiQL build at /playground (built first when missing).</summary>
public sealed class PlaygroundSystem : BffSystem
{
    protected override Task BeforeStartAsync() => PlaygroundBuild.EnsureAsync();
}

/// <summary>The coaches' playground in headless Chromium (Debian's), driven by Playwright, against the real BFF and server.</summary>
[Trait("Category", "Browser")]
public sealed class PlaygroundTests(PlaygroundSystem system) : IClassFixture<PlaygroundSystem>
{
    [Fact]
    public async Task Coach_signs_in_on_the_playground_and_runs_a_query()
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000); // the whole suite runs in parallel on two cores
        var browserLog = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => browserLog.Enqueue($"console {message.Type}: {message.Text}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                browserLog.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };

        try
        {
            await SignInAndExploreAsync(page);
        }
        catch (PlaywrightException failure)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("playground-failure.png") });
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nBrowser log:\n{string.Join('\n', browserLog)}", failure);
        }

        // The page holds no token: the session cookie is httpOnly, so scripts cannot read it.
        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie"));
    }

    private async Task SignInAndExploreAsync(IPage page)
    {
        await page.GotoAsync(new Uri(system.Bff.Address, "/playground/").ToString());
        await page.FillAsync("#email", DemoAccounts.CoachEmail);
        await page.FillAsync("#password", DemoAccounts.CoachPassword);
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator(".playground-user")).ToContainTextAsync("Casey Coach");
        await Assertions.Expect(page.Locator(".graphiql-execute-button")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".graphiql-query-editor")).ToContainTextAsync("me");

        // GraphiQL's editors load lazily (Monaco); on a busy machine the first click can land before the
        // query editor is wired to the execute button and do nothing. Running the query again is harmless.
        var response = page.Locator(".graphiql-response");
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync(".graphiql-execute-button");
            try
            {
                await Assertions.Expect(response).ToContainTextAsync("Casey Coach", new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await Assertions.Expect(response).ToContainTextAsync("COACH");

        // Schema docs (from the bundled contract; see clients/playground/src/schema.js).
        await page.ClickAsync("[aria-label='Show Documentation Explorer']");
        await Assertions.Expect(page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("Root Types");
        await Assertions.Expect(page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("LogSetInput");

        // And a coach's own introspection query runs through the session, within the server's limits.
        var introspection = await page.EvaluateAsync<string>(
            "async () => (await (await fetch('/graphql', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-CSRF': '1' }, body: JSON.stringify({ query: '{ __schema { queryType { name } types { name } } }' }) })).text())");
        Assert.Contains("\"queryType\":{\"name\":\"Query\"}", introspection, StringComparison.Ordinal);

        var screenshot = Chromium.ScreenshotPath("playground.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    [Fact]
    public async Task Playground_is_served_with_its_assets_and_404_elsewhere_is_not_the_playground()
    {
        using var client = system.Bff.CreateBffClient();

        using var index = await client.SendAsync(HttpMethod.Get, "/playground/", csrf: false);
        var html = await index.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("/playground/assets/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal); // no CDN
    }
}
