namespace WorkoutTracker.Server.Plans;

/// <summary>How the week's training days divide the body (chosen by <see cref="SplitChooser"/>).</summary>
public enum SplitKind
{
    /// <summary>2–3 days: every day trains the whole body.</summary>
    FullBody,

    /// <summary>4 days: upper, lower, upper, lower.</summary>
    UpperLower,

    /// <summary>5 days: upper, lower, push, pull, legs.</summary>
    UpperLowerPushPullLegs,

    /// <summary>6 days: push, pull, legs, twice.</summary>
    PushPullLegs,
}
