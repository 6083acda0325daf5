using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>Someone the evaluation signs in as: an athlete of the set, or the coach.</summary>
public sealed record EvalPerson(string Key, Guid Id, string Name, string Email, string Password, WeightUnit Units);

/// <summary>
/// The athletes of the evaluation, written into the evaluation's own database through the same path the
/// demo history takes (<see cref="HistorySeeder"/>: generated plan days, the lifter's sets, finished
/// through the progression engine, body maps rebuilt). Their passwords exist only in that database:
/// nothing here touches the Development or production demo seed.
/// <list type="bullet">
/// <item><c>beginner</c>: the demo athlete (seeded by the server itself): a strength beginner in kg, six
/// complete weeks, the bench press stalled and failing.</item>
/// <item><c>rpe-lb</c>: an intermediate on RPE-based progression in pounds, four days a week, four
/// complete weeks and this week's days so far.</item>
/// <item><c>new</c>: a beginner with a profile and a home gym (dumbbells, bench, pull-up bar, band) and no
/// training logged yet.</item>
/// <item><c>linked</c>: an intermediate training for muscle size in kg, three complete weeks, linked to the
/// demo coach, who asks about them.</item>
/// </list>
/// </summary>
public static class EvalAthletes
{
    public const string Beginner = "beginner";
    public const string RpeInPounds = "rpe-lb";
    public const string NoHistory = "new";
    public const string Linked = "linked";
    public const string Coach = "coach";

    private const string Password = "evaluation-only";

    public static async Task<IReadOnlyDictionary<string, EvalPerson>> SeedAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct = default)
    {
        var db = await services.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync(ct);
        await using var _ = db;
        var progression = services.GetRequiredService<SessionProgression>();
        var catalog = await services.GetRequiredService<ExerciseCatalogCache>().AllAsync();
        var thisMonday = IsoWeeks.MondayOf(DateOnly.FromDateTime(now.UtcDateTime));

        var riley = await UserAsync(db, RpeInPounds, "Riley Rpe", "riley@eval.workouttracker.dev", WeightUnit.Lb, ct);
        await SeedHistoryAsync(db, progression, catalog, new HistorySeed(
            riley.Id,
            updatedAt => Profile(riley.Id, TrainingGoal.Strength, ExperienceLevel.Intermediate, 4, [.. TrainingProfile.FullGym.Order()], WeightUnit.Lb, updatedAt),
            new Dictionary<string, decimal>(StringComparer.Ordinal)
            {
                ["barbell-back-squat"] = 275m,
                ["conventional-deadlift"] = 335m,
                ["barbell-bench-press"] = 205m,
                ["barbell-overhead-press"] = 125m,
                ["barbell-row"] = 185m,
            },
            thisMonday.AddDays(-28),
            now,
            new DemoLifter()), ct);

        var noa = await UserAsync(db, NoHistory, "Noa Newcomer", "noa@eval.workouttracker.dev", WeightUnit.Kg, ct);
        if (!await db.AthleteProfiles.AnyAsync(p => p.UserId == noa.Id, ct))
        {
            db.AthleteProfiles.Add(Profile(noa.Id, TrainingGoal.Hypertrophy, ExperienceLevel.Beginner, 3,
                [Equipment.Dumbbell, Equipment.Bench, Equipment.PullUpBar, Equipment.ResistanceBand], WeightUnit.Kg, now.AddDays(-1)));
            await db.SaveChangesAsync(ct);
        }

        var sam = await UserAsync(db, Linked, "Sam Linked", "sam@eval.workouttracker.dev", WeightUnit.Kg, ct);
        await SeedHistoryAsync(db, progression, catalog, new HistorySeed(
            sam.Id,
            updatedAt => Profile(sam.Id, TrainingGoal.Hypertrophy, ExperienceLevel.Intermediate, 3, [.. TrainingProfile.FullGym.Order()], WeightUnit.Kg, updatedAt),
            new Dictionary<string, decimal>(StringComparer.Ordinal),
            thisMonday.AddDays(-21),
            HistorySeeder.At(thisMonday, TimeSpan.Zero),
            new DemoLifter()), ct);

        if (!await db.CoachLinks.AnyAsync(l => l.CoachId == DemoUsers.Coach.Id && l.AthleteId == sam.Id, ct))
        {
            db.CoachLinks.Add(new CoachLink
            {
                Id = Guid.CreateVersion7(),
                CoachId = DemoUsers.Coach.Id,
                AthleteId = sam.Id,
                RequestedBy = sam.Id,
                Status = CoachLinkStatus.Active,
                CreatedAt = now.AddDays(-30),
                AcceptedAt = now.AddDays(-30),
            });
            await db.SaveChangesAsync(ct);
        }

        var demo = DemoUsers.Athlete;
        var coach = DemoUsers.Coach;
        return new Dictionary<string, EvalPerson>(StringComparer.Ordinal)
        {
            [Beginner] = new(Beginner, demo.Id, demo.DisplayName, demo.Email, demo.Password, WeightUnit.Kg),
            [RpeInPounds] = riley,
            [NoHistory] = noa,
            [Linked] = sam,
            [Coach] = new(Coach, coach.Id, coach.DisplayName, coach.Email, coach.Password, WeightUnit.Kg),
        };
    }

    private static async Task SeedHistoryAsync(WorkoutDb db, SessionProgression progression, IReadOnlyList<Exercise> catalog, HistorySeed seed, CancellationToken ct)
    {
        if (await db.Sessions.AnyAsync(s => s.AthleteId == seed.AthleteId, ct))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await HistorySeeder.SeedAsync(db, progression, catalog, seed, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<EvalPerson> UserAsync(WorkoutDb db, string key, string name, string email, WeightUnit units, CancellationToken ct)
    {
        var existing = await db.Users.SingleOrDefaultAsync(u => u.Email == email, ct);
        if (existing is null)
        {
            existing = new User { Id = Guid.CreateVersion7(), DisplayName = name, Role = UserRole.Athlete, Email = email };
            existing.PasswordHash = new PasswordHasher<User>().HashPassword(existing, Password);
            db.Users.Add(existing);
            await db.SaveChangesAsync(ct);
        }

        return new EvalPerson(key, existing.Id, name, email, Password, units);
    }

    private static AthleteProfile Profile(Guid id, TrainingGoal goal, ExperienceLevel experience, int days, List<Equipment> equipment, WeightUnit units, DateTimeOffset updatedAt) => new()
    {
        UserId = id,
        Goal = goal,
        DaysPerWeek = days,
        Experience = experience,
        Equipment = equipment,
        SessionMinutes = 60,
        Units = units,
        UpdatedAt = updatedAt,
    };
}
