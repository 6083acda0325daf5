using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>
/// Issue 16's journey in headless Chromium through the BFF, the real server and PostgreSQL: a stranger signs up,
/// onboards as an athlete with 4 days, dumbbells only and pounds, and gets a plan of dumbbell and bodyweight
/// exercises whose loads are in pounds on the dumbbell steps; 3 days in Settings gives a 3-day plan; in Settings a
/// bar weight no gym has is refused under its field, and a barbell, a 35 lb bar and the strength goal give a new plan
/// (a new ETag) with barbell loads from 35 lb on; a second stranger signs up as a coach and onboards by inviting a
/// first athlete, landing on their athlete list with the invitation waiting; the athlete invites the coach, who
/// accepts and sees the athlete; the athlete ends the link and the coach no longer sees them.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class AccountsJourneyTests : IClassFixture<MobileWebSystem>
{
    private const string Password = "granite lantern orbit 42";

    private static readonly string[] Equipment =
        ["Barbell", "Squat rack", "Bench", "Dumbbell", "Kettlebell", "Cable", "Machine", "Pull up bar", "Dip station", "Ez bar", "Trap bar", "Resistance band"];

    private readonly MobileWebSystem system;

    public AccountsJourneyTests(MobileWebSystem system)
    {
        this.system = system;
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    [Fact]
    public async Task A_stranger_signs_up_onboards_changes_settings_and_links_a_coach_who_signed_up_too()
    {
        var athleteEmail = $"lifter-{Guid.NewGuid():N}@example.org";
        var coachEmail = $"coach-{Guid.NewGuid():N}@example.org";
        var firstInvitee = $"future-athlete-{Guid.NewGuid():N}@example.org";
        await using var athletePhone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var athlete = athletePhone.Page;

        // Sign up, then onboard: 4 days, dumbbells only, pounds.
        await SignUpAsync(athlete, athleteEmail, "Dana Dumbbell", coach: false);
        await athlete.GetByRole(AriaRole.Radio, new() { Name = "Build muscle" }).ClickAsync();
        await athlete.GetByRole(AriaRole.Button, new() { Name = "Increase days a week" }).ClickAsync();
        foreach (var item in Equipment)
        {
            var chip = athlete.GetByRole(AriaRole.Checkbox, new() { Name = item, Exact = true });
            var on = await chip.GetAttributeAsync("aria-checked") == "true";
            if (on != (item == "Dumbbell"))
            {
                await chip.ClickAsync();
            }
        }

        await athlete.GetByRole(AriaRole.Radio, new() { Name = "Pounds" }).ClickAsync();
        await athlete.GetByRole(AriaRole.Button, new() { Name = "Show my plan" }).ClickAsync();
        await Assertions.Expect(athlete.GetByText(DayHeader())).ToHaveCountAsync(4);
        await ScreenshotAsync(athlete, "accounts-first-plan.png");

        using (var api = await system.SignInAsync(athleteEmail, Password))
        {
            var plan = (await api.PersistedAsync("WeeklyPlan")).Data!["weeklyPlan"]!;
            Assert.Equal("LB", plan["unit"]!.GetValue<string>());
            Assert.Equal(4, plan["days"]!.AsArray().Count);
            var exercises = plan["days"]!.AsArray().SelectMany(d => d!["exercises"]!.AsArray()).ToList();
            Assert.All(exercises, e => Assert.All(
                e!["exercise"]!["equipment"]!.AsArray().Select(q => q!.GetValue<string>()),
                q => Assert.Contains(q, new[] { "DUMBBELL", "BODYWEIGHT" })));
            var dumbbellLoads = exercises
                .Where(e => e!["exercise"]!["equipment"]!.AsArray().Any(q => q!.GetValue<string>() == "DUMBBELL"))
                .SelectMany(e => e!["targetSets"]!.AsArray().Select(t => t!["load"]!.GetValue<decimal>()))
                .ToList();
            Assert.NotEmpty(dumbbellLoads);
            Assert.All(dumbbellLoads, load => Assert.Equal(0m, load % 5m)); // the pound dumbbells' 5 lb steps
        }

        // Settings: 3 days a week gives a 3-day plan.
        await athlete.GetByRole(AriaRole.Tab, new() { Name = "Settings" }).ClickAsync();
        await athlete.GetByRole(AriaRole.Button, new() { Name = "Decrease days a week" }).ClickAsync();
        await athlete.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(athlete.GetByText("Saved: your plan is rebuilt from these settings.")).ToBeVisibleAsync();
        await athlete.GetByRole(AriaRole.Tab, new() { Name = "This week" }).ClickAsync();
        await Assertions.Expect(athlete.GetByText(DayHeader())).ToHaveCountAsync(3);

        // Settings: a bar no gym has is refused under its field; a barbell, a 35 lb bar and strength make a new plan.
        string? etagBefore;
        string barbellExercise;
        using (var api = await system.SignInAsync(athleteEmail, Password))
        {
            etagBefore = (await api.PersistedAsync("WeeklyPlan")).Headers.ETag?.Tag;
        }

        await athlete.GetByRole(AriaRole.Tab, new() { Name = "Settings" }).ClickAsync();
        await athlete.GetByRole(AriaRole.Radio, new() { Name = "Get stronger" }).ClickAsync();
        await athlete.GetByRole(AriaRole.Checkbox, new() { Name = "Barbell", Exact = true }).ClickAsync();
        await athlete.GetByLabel("Barbell weight", new() { Exact = true }).FillAsync("500");
        await athlete.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(athlete.GetByTestId("field-loading.barWeight").GetByText(new Regex("must be from 11 to 110"))).ToBeVisibleAsync();
        await athlete.GetByLabel("Barbell weight", new() { Exact = true }).FillAsync("35");
        await athlete.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(athlete.GetByText("Saved: your plan is rebuilt from these settings.")).ToBeVisibleAsync();
        using (var api = await system.SignInAsync(athleteEmail, Password))
        {
            var answer = await api.PersistedAsync("WeeklyPlan");
            Assert.NotEqual(etagBefore, answer.Headers.ETag?.Tag);
            var profile = (await api.PersistedAsync("Profile")).Data!["profile"]!;
            Assert.Equal("STRENGTH", profile["goal"]!.GetValue<string>());
            Assert.Equal(35m, profile["loading"]!["barWeight"]!.GetValue<decimal>());
            var barbellLoads = answer.Data!["weeklyPlan"]!["days"]!.AsArray()
                .SelectMany(d => d!["exercises"]!.AsArray())
                .Where(e => e!["exercise"]!["loading"]!.GetValue<string>() == "BARBELL")
                .SelectMany(e => e!["targetSets"]!.AsArray().Select(t => t!["load"]!.GetValue<decimal>()))
                .ToList();
            Assert.NotEmpty(barbellLoads);
            Assert.All(barbellLoads, load => Assert.True(load >= 35m && (load - 35m) % 5m == 0m, $"{load} lb is not a 35 lb bar with pairs of 2.5 lb plates"));
            barbellExercise = answer.Data!["weeklyPlan"]!["days"]!.AsArray()
                .SelectMany(d => d!["exercises"]!.AsArray())
                .First(e => e!["exercise"]!["loading"]!.GetValue<string>() == "BARBELL")!["exercise"]!["name"]!.GetValue<string>();
        }

        // The week on screen is the new plan: a barbell exercise with its load in pounds.
        await athlete.GetByRole(AriaRole.Tab, new() { Name = "This week" }).ClickAsync();
        await Assertions.Expect(athlete.GetByText(new Regex($"^{Regex.Escape(barbellExercise)} · .* lb$")).First).ToBeVisibleAsync();
        await ScreenshotAsync(athlete, "accounts-barbell-plan.png");

        // A second stranger signs up as a coach and onboards: a first athlete invited by email, then their athlete list.
        await using var coachPhone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var coach = coachPhone.Page;
        await SignUpAsync(coach, coachEmail, "Cole Coach", coach: true);
        await Assertions.Expect(coach.GetByText("Your athletes will see you as Cole Coach.")).ToBeVisibleAsync();
        await coach.GetByLabel("Athlete's email").FillAsync(firstInvitee);
        await coach.GetByRole(AriaRole.Button, new() { Name = "Invite and go to my athletes" }).ClickAsync();
        await Assertions.Expect(coach.GetByText($"Invitation to {firstInvitee}: waiting for an answer (Links).")).ToBeVisibleAsync();
        await ScreenshotAsync(coach, "accounts-coach-onboarded.png");

        // The athlete invites the coach; the coach accepts and sees the athlete.
        await athlete.GetByRole(AriaRole.Tab, new() { Name = "Links" }).ClickAsync();
        await athlete.GetByLabel("Email to invite").FillAsync(coachEmail);
        await athlete.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(athlete.GetByText("Invitation sent, waiting for an answer")).ToBeVisibleAsync();

        await coach.GetByRole(AriaRole.Tab, new() { Name = "Links" }).ClickAsync();
        await coach.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Accept ") }).ClickAsync();
        await Assertions.Expect(coach.GetByText("Linked", new() { Exact = true })).ToBeVisibleAsync();
        await coach.GetByRole(AriaRole.Tab, new() { Name = "Athletes" }).ClickAsync();
        await Assertions.Expect(AthleteOnList(coach)).ToBeVisibleAsync();
        await ScreenshotAsync(coach, "accounts-coach-sees-athlete.png");

        // The athlete ends the link: the coach no longer sees them.
        await athlete.ReloadAsync();
        await athlete.GetByRole(AriaRole.Button, new() { Name = "End link with Cole Coach" }).ClickAsync();
        await Assertions.Expect(athlete.GetByText("No links yet.")).ToBeVisibleAsync();
        await coach.ReloadAsync();
        await coach.GetByRole(AriaRole.Tab, new() { Name = "Athletes" }).ClickAsync();
        await Assertions.Expect(AthleteOnList(coach)).ToHaveCountAsync(0);
    }

    /// <summary>The athlete's card on the coach's Athletes screen (its heading; the Links screen names them too).</summary>
    private static ILocator AthleteOnList(IPage coach) =>
        coach.GetByRole(AriaRole.Heading, new() { Name = "Dana Dumbbell", Exact = true }).Filter(new() { Visible = true });

    private static async Task SignUpAsync(IPage page, string email, string name, bool coach)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "New here? Create an account" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = coach ? "I coach" : "I train (athlete)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath(name), FullPage = true });

    [GeneratedRegex("^Day \\d+: ")]
    private static partial Regex DayHeader();
}
