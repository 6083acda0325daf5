using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

/// <summary>An athlete as their coach sees them; access was checked when the list was built.</summary>
public sealed record AthleteView(User User);
