using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.EndToEnd.Tests.MobileWeb;

/// <summary>Bringing a Strong history in from the app: upload, fix a match, make a missing exercise one's own, confirm, and find it in History.</summary>
public sealed partial class MobileAppTests
{
    private const string StrongExport = """
        Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration
        2026-10-05 18:02:11;Lower A;Squat (Barbell);W;60;kg;5;;;;0;;;1h 5m
        2026-10-05 18:02:11;Lower A;Squat (Barbell);1;100;kg;5;8;;;0;;;1h 5m
        2026-10-05 18:02:11;Lower A;Squat (Barbell);2;100;kg;5;8,5;;;0;;;1h 5m
        2026-10-05 18:02:11;Lower A;Landmine Rotation;1;20;kg;10;;;;0;;;1h 5m
        2026-10-08 18:10:00;Lower B;Squat (Barbell);1;105;kg;5;9;;;0;;;55m
        2026-10-08 18:10:00;Lower B;Tire Flip;1;0;kg;6;;;;0;;;55m
        """;

    [Fact]
    public async Task Athlete_imports_a_strong_file_fixes_a_match_creates_a_missing_exercise_and_finds_the_history_and_e1rm_chart_filled()
    {
        var (email, password) = await CreateAthleteAsync("Ira Import");
        await using var phone = await PhoneBrowser.OpenAsync(system.Bff.Address);
        var page = phone.Page;
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Week of "))).ToBeVisibleAsync();

        // Upload: the preview counts what is new and names the exercise it could not match.
        await page.GotoAsync("/data");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Choose a CSV file" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "strong.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(StrongExport) });
        await Assertions.Expect(page.GetByText("2 new workouts and 6 new sets.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("→ Barbell Back Squat")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Choose an exercise for Landmine Rotation, Tire Flip, or leave it out.")).ToBeVisibleAsync();
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import 2 workouts" });
        await Assertions.Expect(import).ToBeDisabledAsync();
        await ScreenshotAsync(page, "mobile-import-preview.png");

        // Fix the match, then import.
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the exercise for Landmine Rotation" }).ClickAsync();
        await page.GetByLabel("Search an exercise for Landmine Rotation").FillAsync("pallof");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take Landmine Rotation for Pallof Press" }).ClickAsync();
        await Assertions.Expect(page.GetByText("→ Pallof Press")).ToBeVisibleAsync();

        // The catalog has no tire flip: make it the athlete's own exercise.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Tire Flip as my exercise" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("New exercise name")).ToHaveValueAsync("Tire Flip");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Glutes" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Bodyweight" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and use" }).ClickAsync();
        await Assertions.Expect(page.GetByText("→ Tire Flip")).ToBeVisibleAsync();
        await import.ClickAsync();
        await Assertions.Expect(page.GetByText("Imported 2 workouts and 6 sets.")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-import-done.png");

        // History: the records and the e1RM trend of the squat come from the imported workouts.
        await page.GetByRole(AriaRole.Button, new() { Name = "See history" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/history$"));
        await Assertions.Expect(page.GetByText(new Regex("^Barbell Back Squat · Heaviest: 105 kg × 5"))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Barbell Back Squat" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(new Regex("^Barbell Back Squat estimated one-rep max: from \\d+ kg on 10-05 to \\d+ kg on 10-08"))).ToBeVisibleAsync();
        await ScreenshotAsync(page, "mobile-import-history.png");
    }

    /// <summary>A new athlete with a password, as sign-up would leave them (no plan, no history).</summary>
    private async Task<(string Email, string Password)> CreateAthleteAsync(string name)
    {
        var id = Guid.CreateVersion7();
        var user = new User { Id = id, DisplayName = name, Role = UserRole.Athlete, Email = $"{id:N}@test.workouttracker.dev", CreatedAt = DateTimeOffset.UtcNow };
        const string password = "import-test-password";
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, password);
        await using var db = await system.Servers[0].Services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (user.Email, password);
    }
}
