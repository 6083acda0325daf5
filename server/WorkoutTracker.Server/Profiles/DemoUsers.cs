namespace WorkoutTracker.Server.Profiles;

/// <summary>The demo athlete and coach seeded on a development database, with their sign-in details.</summary>
public static class DemoUsers
{
    public static readonly DemoUser Athlete = new(
        Guid.Parse("a7b1e7a0-0000-4000-8000-000000000001"), "Alex Athlete", UserRole.Athlete, "athlete@demo.workouttracker.dev", "athlete-demo");

    public static readonly DemoUser Coach = new(
        Guid.Parse("c0ac4000-0000-4000-8000-000000000001"), "Casey Coach", UserRole.Coach, "coach@demo.workouttracker.dev", "coach-demo");

    public static IReadOnlyList<DemoUser> All { get; } = [Athlete, Coach];
}

public sealed record DemoUser(Guid Id, string DisplayName, UserRole Role, string Email, string Password);
