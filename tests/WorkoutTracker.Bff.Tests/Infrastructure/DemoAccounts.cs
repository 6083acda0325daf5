namespace WorkoutTracker.Bff.Tests.Infrastructure;

/// <summary>The users the server seeds (development issuer; the coach follows the athlete).</summary>
public static class DemoAccounts
{
    public const string AthleteEmail = "athlete@demo.workouttracker.dev";
    public const string AthletePassword = "athlete-demo";
    public const string AthleteId = "a7b1e7a0-0000-4000-8000-000000000001";
    public const string CoachEmail = "coach@demo.workouttracker.dev";
    public const string CoachPassword = "coach-demo";
}
