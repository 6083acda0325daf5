using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.EventLog;
using WorkoutTracker.Server.Common.Calendar;
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
    string? DisplayName = null,
    string? TimeZone = null,
    LoadingSetupInput? Loading = null) : IMutationInput;

/// <summary>
/// Reads and changes athletes' training profiles. An athlete without one gets the defaults. A change is one
/// transaction: the profile, the plan version (the plan is generated from both, so it and its ETag change with
/// it), the name and time zone on the user, and, when the time zone changes, the body map's weeks recomputed.
/// </summary>
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

        var timeZone = input.TimeZone?.Trim();
        if (timeZone is not null && !AthleteCalendar.IsIanaId(timeZone))
        {
            throw new ValidationException("timeZone", "must be an IANA time zone id such as Europe/Berlin or America/Los_Angeles.");
        }

        var equipment = input.Equipment?.Distinct().Order().ToList();
        var normalized = input with { ClientMutationId = "", Equipment = equipment, DisplayName = displayName, TimeZone = timeZone };
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
                var unitChanged = input.Units is { } units && units != profile.Units;
                profile.Units = input.Units ?? profile.Units;
                if (input.Loading is { } loading)
                {
                    var current = profile.Loading is { } stored && stored.Unit == profile.Units ? stored : LoadingSetup.Default(profile.Units);
                    profile.Loading = LoadingSetupRules.Apply(current, loading, profile.Units);
                }
                else if (unitChanged)
                {
                    profile.Loading = null; // the other unit's plates and steps: back to the new unit's defaults
                }

                profile.ToTrainingProfile().Validate();

                profile.PlanVersion++;
                profile.UpdatedAt = now;
                if (displayName is not null)
                {
                    await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, displayName), ct);
                }

                await db.SaveChangesAsync(ct);
                if (timeZone is not null && timeZone != user.TimeZone &&
                    await db.Users.Where(u => u.Id == user.Id && u.TimeZone != timeZone).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZone, timeZone), ct) > 0)
                {
                    // Sets belong to the week they were logged in, as the athlete lives it: in the new zone some move.
                    await BodyMapRebuild.ReplaceAsync(db, user.Id, ct);
                }

                await EventLogWriter.AppendAsync(
                    db, EventKind.ProfileUpdated, user.Id, sessionId: null, setId: null, sessionVersion: null,
                    bodyMapWeekStart: null, bodyMapVersion: null, coachId: null, now, ct);
                return (profile, user.Id.ToString());
            },
            async (db, _, ct) => await db.AthleteProfiles.AsNoTracking().SingleAsync(p => p.UserId == user.Id, ct),
            cancellationToken);

        // The user's row (display name, time zone) is kept per instance: this one forgets it now, the others through the log.
        cache.ForgetProfile(user.Id);
        return updated;
    }
}
