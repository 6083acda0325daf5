using WorkoutTracker.Server.Exercises;
using static WorkoutTracker.Server.Exercises.MovementPattern;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// Chooses the split for the number of training days. Every split trains each muscle about twice a week:
/// <list type="bullet">
/// <item>2 days: Full Body A, Full Body B. 3 days: Full Body A, B, C.</item>
/// <item>4 days: Upper A, Lower A, Upper B, Lower B.</item>
/// <item>5 days: Upper, Lower, Push, Pull, Legs. Chosen over upper/lower + a full-body day because each
/// muscle still gets two focused days and no day repeats the heavy lower-body work of the day before.</item>
/// <item>6 days: Push A, Pull A, Legs A, Push B, Pull B, Legs B.</item>
/// </list>
/// The A and B variants of a day lead with different main lifts (Upper A presses and rows horizontally,
/// Upper B vertically; Lower A squats, Lower B deadlifts). Days are in training order, not weekdays: the
/// athlete spreads them over the week.
/// </summary>
public static class SplitChooser
{
    private static readonly DayTemplate _fullBodyA = new("Full Body", DayFocus.FullBody,
        [MainLift(Squat), MainLift(HorizontalPush), SecondaryLift(HorizontalPull), OptionalLift(Hinge)]);

    private static readonly DayTemplate _fullBodyB = new("Full Body", DayFocus.FullBody,
        [MainLift(Hinge), MainLift(VerticalPush), SecondaryLift(VerticalPull), OptionalLift(Lunge)]);

    private static readonly DayTemplate _fullBodyC = new("Full Body", DayFocus.FullBody,
        [MainLift(Squat), MainLift(HorizontalPush), SecondaryLift(VerticalPull), OptionalLift(Hinge)]);

    private static readonly DayTemplate _upperA = new("Upper", DayFocus.Upper,
        [MainLift(HorizontalPush), MainLift(HorizontalPull), SecondaryLift(VerticalPush), OptionalLift(VerticalPull)]);

    private static readonly DayTemplate _upperB = new("Upper", DayFocus.Upper,
        [MainLift(VerticalPush), MainLift(VerticalPull), SecondaryLift(HorizontalPush), OptionalLift(HorizontalPull)]);

    private static readonly DayTemplate _lowerA = new("Lower", DayFocus.Lower,
        [MainLift(Squat), SecondaryLift(Hinge), OptionalLift(Lunge)]);

    private static readonly DayTemplate _lowerB = new("Lower", DayFocus.Lower,
        [MainLift(Hinge), SecondaryLift(Squat), OptionalLift(Lunge)]);

    private static readonly DayTemplate _pushA = new("Push", DayFocus.Push,
        [MainLift(HorizontalPush), SecondaryLift(VerticalPush), OptionalLift(HorizontalPush)]);

    private static readonly DayTemplate _pushB = new("Push", DayFocus.Push,
        [MainLift(VerticalPush), SecondaryLift(HorizontalPush), OptionalLift(HorizontalPush)]);

    private static readonly DayTemplate _pullA = new("Pull", DayFocus.Pull,
        [MainLift(VerticalPull), SecondaryLift(HorizontalPull), OptionalLift(HorizontalPull)]);

    private static readonly DayTemplate _pullB = new("Pull", DayFocus.Pull,
        [MainLift(HorizontalPull), SecondaryLift(VerticalPull), OptionalLift(HorizontalPull)]);

    private static readonly DayTemplate _legsA = new("Legs", DayFocus.Legs,
        [MainLift(Squat), SecondaryLift(Hinge), OptionalLift(Lunge)]);

    private static readonly DayTemplate _legsB = new("Legs", DayFocus.Legs,
        [MainLift(Hinge), SecondaryLift(Squat), OptionalLift(Lunge)]);

    /// <summary>The split for <paramref name="daysPerWeek"/> (2–6), with day names lettered where a day type repeats.</summary>
    public static Split Choose(int daysPerWeek)
    {
        var (kind, days) = daysPerWeek switch
        {
            2 => (SplitKind.FullBody, new[] { _fullBodyA, _fullBodyB }),
            3 => (SplitKind.FullBody, [_fullBodyA, _fullBodyB, _fullBodyC]),
            4 => (SplitKind.UpperLower, [_upperA, _lowerA, _upperB, _lowerB]),
            5 => (SplitKind.UpperLowerPushPullLegs, [_upperA, _lowerA, _pushB, _pullA, _legsB]),
            6 => (SplitKind.PushPullLegs, [_pushA, _pullA, _legsA, _pushB, _pullB, _legsB]),
            _ => throw new ArgumentOutOfRangeException(nameof(daysPerWeek), daysPerWeek, "A week has 2 to 6 training days."),
        };
        return new Split(kind, Letter(days));
    }

    /// <summary>"Upper", "Upper" → "Upper A", "Upper B"; a day type that occurs once keeps its plain name.</summary>
    private static DayTemplate[] Letter(DayTemplate[] days)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. days.Select(day =>
        {
            if (days.Count(other => other.Name == day.Name) == 1)
            {
                return day;
            }

            var index = seen[day.Name] = seen.GetValueOrDefault(day.Name) + 1;
            return day with { Name = $"{day.Name} {(char)('A' + index - 1)}" };
        })];
    }

    private static CompoundSlot MainLift(MovementPattern pattern) => new(pattern, ExerciseRole.Main);

    private static CompoundSlot SecondaryLift(MovementPattern pattern) => new(pattern, ExerciseRole.Secondary);

    private static CompoundSlot OptionalLift(MovementPattern pattern) => new(pattern, ExerciseRole.Secondary, Optional: true);
}
