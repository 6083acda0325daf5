using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Profiles;

/// <summary>New values for the profile; omitted fields keep their value.</summary>
public sealed record UpdateProfileInput(
    string ClientMutationId,
    TrainingGoal? Goal = null,
    int? DaysPerWeek = null,
    ExperienceLevel? Experience = null,
    IReadOnlyList<Equipment>? Equipment = null,
    int? SessionMinutes = null,
    WeightUnit? Units = null,
    string? DisplayName = null) : IMutationInput;

/// <summary>Reads and changes athletes' training profiles. An athlete without one gets the defaults.</summary>
public sealed class ProfileService(IDbContextFactory<WorkoutDb> dbFactory, IdempotentMutations idempotent, TimeProvider clock, AthleteVersionCache cache)
{
    public const int MaxDisplayNameLength = 100;

    public async Task<AthleteProfile> GetAsync(Guid athleteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AthleteProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == athleteId, cancellationToken)
            ?? new AthleteProfile { UserId = athleteId, UpdatedAt = DateTimeOffset.UnixEpoch };
    }

    /// <summary>Validates every given field (VALIDATION naming the field), applies them and bumps the plan version.</summary>
    public async Task<Idempotent<AthleteProfile>> UpdateAsync(User user, UpdateProfileInput input, CancellationToken cancellationToken)
    {
        if (user.Role != UserRole.Athlete)
        {
            throw new ForbiddenException("Only athletes have a training profile.");
        }

        var displayName = input.DisplayName?.Trim();
        if (displayName is { Length: 0 or > MaxDisplayNameLength })
        {
            throw new ValidationException("displayName", $"must be 1 to {MaxDisplayNameLength} characters.");
        }

        var equipment = input.Equipment?.Distinct().Order().ToList();
        var normalized = input with { ClientMutationId = "", Equipment = equipment, DisplayName = displayName };
        var now = clock.GetUtcNow();
        var updated = await idempotent.RunAsync(
            user.Id,
            input.ClientMutationId,
            "updateProfile",
            normalized,
            async (db, ct) =>
            {
                var profile = await db.AthleteProfiles.FromSql($"SELECT * FROM athlete_profiles WHERE user_id = {user.Id} FOR UPDATE").SingleOrDefaultAsync(ct);
                if (profile is null)
                {
                    profile = new AthleteProfile { UserId = user.Id };
                    db.AthleteProfiles.Add(profile);
                }

                profile.Goal = input.Goal ?? profile.Goal;
                profile.DaysPerWeek = input.DaysPerWeek ?? profile.DaysPerWeek;
                profile.Experience = input.Experience ?? profile.Experience;
                profile.Equipment = equipment ?? profile.Equipment;
                profile.SessionMinutes = input.SessionMinutes ?? profile.SessionMinutes;
                profile.Units = input.Units ?? profile.Units;
                profile.ToTrainingProfile().Validate();

                profile.PlanVersion++;
                profile.UpdatedAt = now;
                if (displayName is not null)
                {
                    await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, displayName), ct);
                }

                await db.SaveChangesAsync(ct);
                await EventLogWriter.AppendAsync(
                    db, EventKind.ProfileUpdated, user.Id, sessionId: null, setId: null, sessionVersion: null,
                    bodyMapWeekStart: null, bodyMapVersion: null, coachId: null, now, ct);
                return (profile, user.Id.ToString());
            },
            async (db, _, ct) => await db.AthleteProfiles.AsNoTracking().SingleAsync(p => p.UserId == user.Id, ct),
            cancellationToken);

        // The user's row (display name) is kept per instance: this one forgets it now, the others through the log.
        cache.ForgetProfile(user.Id);
        return updated;
    }
}
