using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.Coaching;

/// <summary>A coach asked for an athlete they are not linked to.</summary>
public sealed class NotYourAthleteException()
    : DomainException("FORBIDDEN", "You are not linked to this athlete as their coach.");

/// <summary>The link cannot make this move (e.g. accepting one's own request, accepting an ended link).</summary>
public sealed class CoachLinkStateException(string message)
    : DomainException("COACH_LINK_STATE", message);

/// <summary>The coach's model failed or timed out and <c>Coach:Model:OnFailure</c> is <c>Error</c>.</summary>
public sealed class CoachUnavailableException()
    : DomainException("COACH_UNAVAILABLE", "The coach's model did not answer in time; try again, or ask without the model.");
