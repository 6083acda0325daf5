using GraphQL.Types;
using WorkoutTracker.Server.Coaching.Copilot;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>The subscription root (served over WebSocket): each feature contributes its fields.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        this.AddSessionSubscriptions();
        this.AddCopilotSubscriptions();
    }
}
