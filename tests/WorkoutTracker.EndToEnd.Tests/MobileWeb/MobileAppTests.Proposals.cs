using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>The coach's proposal through the BFF in Chromium: asked what to change, reviewed as a diff, two of three lines accepted, next week's plan updated.</summary>
public sealed partial class MobileAppTests
{
    [Fact]
    public async Task Athlete_asks_what_to_change_accepts_two_of_three_proposed_lines_and_sees_next_weeks_plan_updated()
    {
        await system.WaitUntilNoLiveSubscriptionsAsync();
        using var api = await system.SignInAthleteAsync();
        var nextWeek = NextMonday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var phone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var page = phone.Page;
        await SignInAsAthleteAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next week" })).ToBeVisibleAsync();

        // Ask; the built-in coach proposes a deload of the stalled bench press and more sets for two lagging muscles.
        await page.GotoAsync("/coach");
        await page.GetByLabel("Question for the coach").FillAsync("What should I change next week?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        var lines = page.GetByRole(AriaRole.Checkbox);
        await Assertions.Expect(lines).ToHaveCountAsync(3);

        // The diff on screen is the proposal the server holds, line for line.
        var proposal = (await api.PersistedAsync("PlanProposals", new { weekStart = nextWeek })).Data!["planProposals"]![0]!;
        var items = proposal["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = DiffLine(item), Exact = true })).ToBeCheckedAsync();
        }

        var bench = items.Single(i => i["exercise"]!["id"]!.GetValue<string>() == "barbell-bench-press");
        Assert.True(bench["after"]!["load"]!.GetValue<double>() < bench["before"]!["load"]!.GetValue<double>(), "the bench line is a deload");
        var left = items.First(i => i != bench);
        await ScreenshotAsync(page, "mobile-coach-proposal.png");

        // Untick one line and accept the other two.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = DiffLine(left), Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept 2 of 3" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Partly accepted (2 of 3 changes applied to your plan)")).ToBeVisibleAsync();

        // Next week's plan: the accepted lines' "after", the unticked line's "before".
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        foreach (var item in items)
        {
            var shown = item == left ? item["before"]! : item["after"]!;
            await Assertions.Expect(page.GetByText($"{item["exercise"]!["name"]!.GetValue<string>()} · {WeekTargets(shown)}", new() { Exact = false }).First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByText("This week has your edits.")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-week-after-proposal.png");
        var decided = (await api.PersistedAsync("PlanProposals", new { weekStart = nextWeek })).Data!["planProposals"]![0]!;
        Assert.Equal("PARTLY_ACCEPTED", decided["status"]!.GetValue<string>());
        Assert.Equal(items.Where(i => i != left).Select(i => i["index"]!.GetValue<int>()), decided["acceptedItems"]!.AsArray().Select(i => i!.GetValue<int>()));
    }

    private static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 7);
    }

    /// <summary>The diff's line for an item, as the app words it (ProposalDiff's itemLabel).</summary>
    private static string DiffLine(JsonNode item) =>
        $"Day {item["dayNumber"]!.GetValue<int>()} · {item["exercise"]!["name"]!.GetValue<string>()}: {DiffTargets(item["before"]!)} → {DiffTargets(item["after"]!)}";

    private static string DiffTargets(JsonNode t)
    {
        var load = t["load"]!.GetValue<double>();
        var rpe = t["rpe"]?.GetValue<double>();
        return $"{t["sets"]}×{Reps(t)}{(load > 0 ? string.Create(CultureInfo.InvariantCulture, $" @ {load} kg") : "")}{(rpe is { } r ? string.Create(CultureInfo.InvariantCulture, $" (RPE {r})") : "")}";
    }

    /// <summary>The week screen's targets: "4 × 6 · 52.5 kg".</summary>
    private static string WeekTargets(JsonNode t)
    {
        var load = Math.Round(t["load"]!.GetValue<double>(), 1);
        return $"{t["sets"]} × {Reps(t)}{(load > 0 ? string.Create(CultureInfo.InvariantCulture, $" · {load} kg") : "")}";
    }

    private static string Reps(JsonNode t) =>
        t["repsMin"]!.GetValue<int>() == t["repsMax"]!.GetValue<int>() ? $"{t["repsMin"]}" : $"{t["repsMin"]}–{t["repsMax"]}";
}
