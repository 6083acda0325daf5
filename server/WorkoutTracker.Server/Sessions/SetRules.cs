using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// What a set may hold. Checked before anything is written; the database's check constraints hold the
/// same bounds as a last line.
/// </summary>
public static class SetRules
{
    /// <summary>Above any lift ever recorded (the heaviest are around 500 kg); catches unit and typing mistakes.</summary>
    public const decimal MaxLoadKg = 1000m;

    public const int MaxReps = 100;

    public const int MaxRestSeconds = 60 * 60;

    /// <summary>How far ahead of the server's clock a performed-at time may be (phone clocks drift).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromHours(1);

    public static void Validate(decimal loadKg, int reps, decimal? rpe, int? restSeconds)
    {
        if (loadKg < 0)
        {
            throw new ValidationException("loadKg", "must not be negative.");
        }

        if (loadKg > MaxLoadKg)
        {
            throw new ValidationException("loadKg", $"must be at most {MaxLoadKg} kg.");
        }

        if (decimal.Round(loadKg, 3) != loadKg)
        {
            throw new ValidationException("loadKg", "must have at most 3 decimals.");
        }

        if (reps is < 0 or > MaxReps)
        {
            throw new ValidationException("reps", $"must be between 0 and {MaxReps}.");
        }

        if (rpe is { } value && (value < 1 || value > 10 || value * 2 != decimal.Truncate(value * 2)))
        {
            throw new ValidationException("rpe", "must be between 1 and 10 in steps of 0.5.");
        }

        if (restSeconds is < 0 or > MaxRestSeconds)
        {
            throw new ValidationException("restSeconds", $"must be between 0 and {MaxRestSeconds}.");
        }
    }

    public static void ValidateTime(string field, DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is { } value && value > now + MaxClockSkew)
        {
            throw new ValidationException(field, "must not be in the future.");
        }
    }
}
