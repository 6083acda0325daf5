namespace WorkoutTracker.Server.Progression;

/// <summary>Which loadable weight <see cref="LoadRounding.Round"/> picks when a load falls between two.</summary>
public enum RoundingDirection
{
    /// <summary>The closer one; exactly halfway goes down (the conservative choice).</summary>
    Nearest,

    /// <summary>The heaviest loadable weight not above the load.</summary>
    Down,

    /// <summary>The lightest loadable weight not below the load.</summary>
    Up,
}
