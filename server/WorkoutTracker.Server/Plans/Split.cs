namespace WorkoutTracker.Server.Plans;

/// <summary>A split: its kind and one template per training day, in training order.</summary>
public sealed record Split(SplitKind Kind, IReadOnlyList<DayTemplate> Days);
