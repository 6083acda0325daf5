using System.Diagnostics.Metrics;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>The coach's metrics (meter <c>WorkoutTracker.Coach</c>): model answers refused by the safety check, by reason.</summary>
public static class CoachTelemetry
{
    public const string MeterName = "WorkoutTracker.Coach";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Refused = Meter.CreateCounter<long>(
        "workouttracker.coach.answers_refused", unit: "{answer}", description: "Model answers the safety check refused and replaced with the offline coach's.");

    public static void AnswerRefused(string reason) => Refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
