using WorkoutTracker.Server.Common.EventLog;

namespace WorkoutTracker.Domain.Tests.Coaching;

/// <summary>Which ended coach links end which subscriptions.</summary>
public sealed class EventScopeTests
{
    private static readonly Guid Coach = Guid.NewGuid();
    private static readonly Guid Athlete = Guid.NewGuid();

    [Fact]
    public void A_coachs_athletes_subscription_ends_with_any_link_of_the_coach_even_one_that_ended_before_its_access_check()
    {
        // The subscription listened first, then checked access after the link had ended: the athlete is not in its scope.
        var checkedAfterTheEnd = EventScope.Athletes([], Coach);
        var following = EventScope.Athletes([Athlete], Coach);

        Assert.True(checkedAfterTheEnd.Revokes(LinkEnded(Coach, Athlete)));
        Assert.True(following.Revokes(LinkEnded(Coach, Athlete)));
        Assert.False(following.Revokes(LinkEnded(Guid.NewGuid(), Athlete))); // another coach's link
    }

    [Fact]
    public void A_session_subscription_ends_only_with_the_link_to_that_sessions_athlete()
    {
        var session = EventScope.Session(Guid.NewGuid(), Athlete, Coach);

        Assert.True(session.Revokes(LinkEnded(Coach, Athlete)));
        Assert.False(session.Revokes(LinkEnded(Coach, Guid.NewGuid())));
        Assert.False(EventScope.Session(Guid.NewGuid(), Athlete, coach: null).Revokes(LinkEnded(Coach, Athlete))); // the athlete's own
    }

    private static LiveEvent LinkEnded(Guid coach, Guid athlete) =>
        new(new EventCursor(1, 1), EventKind.CoachLinkEnded, athlete, null, null, null, null, null, coach, DateTimeOffset.UnixEpoch);
}
