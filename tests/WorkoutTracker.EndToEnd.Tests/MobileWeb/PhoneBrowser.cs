using Microsoft.Playwright;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>
/// Debian's headless Chromium with a phone-sized page on the BFF's address (the mobile app), its
/// <c>/graphql</c> traffic recorded; disposing closes the browser.
/// </summary>
public sealed class PhoneBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PhoneBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        Traffic = BrowserTraffic.Record(page);
    }

    /// <summary>The browser context: <c>SetOfflineAsync</c> takes the phone's network away.</summary>
    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public BrowserTraffic Traffic { get; }

    public static async Task<PhoneBrowser> OpenAsync(Uri bff)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = bff.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return new PhoneBrowser(playwright, browser, context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
