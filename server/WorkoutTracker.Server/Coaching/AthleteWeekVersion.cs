using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.GraphQL.Caching;
using WorkoutTracker.Server.Identity;

namespace WorkoutTracker.Server.Coaching;

/// <summary>
/// The ETag part of a root field about one athlete's week (<c>athleteId</c>, <c>weekStart</c> arguments):
/// resolves the athlete as the field would (the caller or a linked coach) and the week (this one by
/// default), then reads just the version. Not cacheable (null) whenever the field would answer an error.
/// </summary>
public abstract class AthleteWeekVersion : IRootFieldVersion
{
    public abstract string FieldName { get; }

    public async ValueTask<string?> GetVersionAsync(RootFieldRequest request, CancellationToken cancellationToken)
    {
        var services = request.Services;
        var user = await services.GetRequiredService<CurrentUser>().FindAsync(request.User, cancellationToken);
        if (user is null || !request.TryGetUuid("athleteId", out var requested) || !request.TryGetDate("weekStart", out var week))
        {
            return null;
        }

        try
        {
            var athleteId = await services.GetRequiredService<AthleteAccess>().ResolveReadableAthleteAsync(user, requested, cancellationToken);
            var zone = week is null ? await services.GetRequiredService<AthleteAccess>().TimeZoneOfAsync(user, athleteId, cancellationToken) : TimeZoneInfo.Utc;
            var weekStart = BodyMapQueries.WeekArgument(week, services.GetRequiredService<TimeProvider>(), zone);
            var version = await ReadVersionAsync(services, athleteId, weekStart, cancellationToken);
            return $"{athleteId}/{BodyMapRules.ToIsoDate(weekStart)}/{version}";
        }
        catch (DomainException)
        {
            return null;
        }
    }

    /// <summary>The version of the athlete's data for the week, read without loading it.</summary>
    protected abstract Task<string> ReadVersionAsync(IServiceProvider services, Guid athleteId, DateOnly weekStart, CancellationToken cancellationToken);
}
