using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>The logbook through the BFF in Chromium: plan swap and targets, a custom exercise with a warm-up, a superset, a note, plates, a record, history after a reload.</summary>
public sealed partial class MobileAppTests
{
    [Fact]
    public async Task Athlete_edits_the_plan_logs_a_custom_exercise_in_a_superset_and_finds_it_all_in_history_after_a_reload()
    {
        await system.WaitUntilNoLiveSubscriptionsAsync();
        using var api = await system.SignInAthleteAsync();
        var plan = (await api.PersistedAsync("WeeklyPlan")).Data!["weeklyPlan"]!;
        var benchDay = plan["days"]!.AsArray().First(d => d!["exercises"]!.AsArray().Any(e => e!["exercise"]!["id"]!.GetValue<string>() == "barbell-bench-press"))!;
        var day = benchDay["dayNumber"]!.GetValue<int>();
        var biceps = await HardSetsAsync(api, "BICEPS");
        var custom = "Cable Curl " + Guid.NewGuid().ToString("N")[..6];

        await using var phone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var page = phone.Page;
        await SignInAsAthleteAsync(page);

        // The week: swap the bench press for a suggested dumbbell bench press.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit Barbell Bench Press on day {day}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Swap for Dumbbell Bench Press" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Dumbbell Bench Press · .* · instead of Barbell Bench Press$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("This week has your edits.")).ToBeVisibleAsync();

        // Its targets: reps 10–12 at 24 kg, shown at once and stored on the server (a rep target above the RPE chart is refused under its field first).
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit Dumbbell Bench Press on day {day}" }).ClickAsync();
        await page.GetByLabel("RPE for Dumbbell Bench Press").FillAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets for Dumbbell Bench Press" }).ClickAsync();
        await Assertions.Expect(page.GetByText("RPE must be 1 to 10 in steps of 0.5.")).ToBeVisibleAsync();
        await page.GetByLabel("RPE for Dumbbell Bench Press").FillAsync("8");
        await Assertions.Expect(page.GetByText("RPE must be 1 to 10 in steps of 0.5.")).ToHaveCountAsync(0);
        await page.GetByLabel("Reps from for Dumbbell Bench Press").FillAsync("10");
        await page.GetByLabel("Reps to for Dumbbell Bench Press").FillAsync("12");
        await page.GetByLabel("Load for Dumbbell Bench Press").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets for Dumbbell Bench Press" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"^Dumbbell Bench Press · \d × 10–12 · 24 kg · instead of Barbell Bench Press$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(WaitingToSync())).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        var edited = (await api.PersistedAsync("WeeklyPlan")).Data!["weeklyPlan"]!["days"]!.AsArray().Single(d => d!["dayNumber"]!.GetValue<int>() == day)!["exercises"]!.AsArray()
            .Single(e => e!["exercise"]!["id"]!.GetValue<string>() == "dumbbell-bench-press")!["targetSets"]!.AsArray();
        Assert.All(edited, t =>
        {
            Assert.Equal(10, t!["repsMin"]!.GetValue<int>());
            Assert.Equal(12, t["repsMax"]!.GetValue<int>());
            Assert.Equal(24d, t["loadKg"]!.GetValue<double>());
        });
        await ScreenshotAsync(page, "mobile-logbook-week-swapped.png");

        // The session of that day: a custom exercise, made and added on the phone.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Start day {day},") }).ClickAsync();
        await page.WaitForURLAsync(SessionUrl());
        var sessionId = SessionUrl().Match(page.Url).Groups["id"].Value;
        await page.GetByRole(AriaRole.Button, new() { Name = "Add exercise" }).ClickAsync();
        await page.GetByLabel("New exercise name").FillAsync(custom);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Biceps" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and add" }).ClickAsync();

        // Sets on it: a warm-up, a first working set, then a heavier one that breaks its record and is celebrated.
        await page.GetByRole(AriaRole.Radio, new() { Name = $"Warm-up set of {custom}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Log set 1 of {custom}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(new Regex($"^Set 1 of {Regex.Escape(custom)}: extra set, done .*, warm-up")).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Log set 2 of {custom}" }).ClickAsync();
        await Assertions.Expect(page.GetByText(WaitingToSync())).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Increase load of {custom}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Log set 3 of {custom}" }).ClickAsync();
        await Assertions.Expect(page.GetByText(WaitingToSync())).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText(new Regex("^🏆 New record: Heaviest load"))).ToBeVisibleAsync();

        // A superset of the swapped-in dumbbell bench press and the custom exercise.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Dumbbell Bench Press for a superset" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {custom} for a superset" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make superset" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("· Superset A$"))).ToHaveCountAsync(2);

        // A note on the session.
        await page.GetByLabel("Session note").FillAsync("Felt strong today");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();

        // The plates of a 102.5 kg squat on the 20 kg bar.
        if (await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Log set \\d+ of Barbell Back Squat$") }).CountAsync() == 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add exercise" }).ClickAsync();
            await page.GetByLabel("Search exercises").FillAsync("back squat");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add Barbell Back Squat" }).ClickAsync();
        }

        var squatPlates = page.GetByLabel(new Regex("^Plates for [0-9.]+ kg of Barbell Back Squat: "));
        await Assertions.Expect(squatPlates).ToBeVisibleAsync();
        var load = decimal.Parse(Regex.Match(await squatPlates.GetAttributeAsync("aria-label") ?? "", "^Plates for ([0-9.]+) kg").Groups[1].Value, CultureInfo.InvariantCulture);
        var steps = (int)((102.5m - load) / 2.5m);
        var button = page.GetByRole(AriaRole.Button, new() { Name = steps >= 0 ? "Increase load of Barbell Back Squat" : "Decrease load of Barbell Back Squat" });
        for (var i = 0; i < Math.Abs(steps); i++)
        {
            await button.ClickAsync();
        }

        await Assertions.Expect(page.GetByLabel("Plates for 102.5 kg of Barbell Back Squat: 20 kg bar + 25 + 15 + 1.25 per side")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(WaitingToSync())).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await ScreenshotAsync(page, "mobile-logbook-session.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish session" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("· finished$"))).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // After a reload, History has the session: its record, its note; opened, its warm-up and its superset.
        await page.GotoAsync("/history");
        await Assertions.Expect(page.GetByText($"🏆 {custom}: Heaviest 22.5 kg")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Note: Felt strong today")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = custom }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex(": 3 sets · best 22.5 kg × 8 "))).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-logbook-history.png");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Session of .*, 2 working sets, .*records$") }).First.ClickAsync();
        await page.WaitForURLAsync(SessionUrl());
        await Assertions.Expect(page.GetByLabel(new Regex($"^Set 1 of {Regex.Escape(custom)}: .*, done 20 kg × 8 @8, warm-up$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("· Superset A$"))).ToHaveCountAsync(2);

        // The week still has the swap; the body map counts the working set only.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText(new Regex("^Dumbbell Bench Press · .* · instead of Barbell Bench Press$"))).ToBeVisibleAsync();
        Assert.Equal(biceps + 2, await HardSetsAsync(api, "BICEPS"));
        var sets = (await api.PersistedAsync("Session", new { id = sessionId })).Data!["session"]!["sets"]!.AsArray();
        Assert.Equal(["WARMUP", "WORKING", "WORKING"], sets.Select(s => s!["setType"]!.GetValue<string>()));
    }

    private static async Task<double> HardSetsAsync(BffClient api, string muscle) =>
        (await api.PersistedAsync("BodyMap")).Data!["bodyMap"]!["muscles"]!.AsArray()
            .Single(m => m!["muscle"]!.GetValue<string>() == muscle)!["hardSets"]!.GetValue<double>();
}
