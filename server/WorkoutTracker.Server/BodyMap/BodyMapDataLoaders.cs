using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.BodyMap;

/// <summary>Body maps by (athlete, week): a coach's list of athletes costs the same two statements for 1 or 50.</summary>
public sealed class BodyMapByAthleteWeekDataLoader(BodyMapReads reads) : BatchDataLoader<(Guid AthleteId, DateOnly WeekStart), BodyMapView>
{
    protected override Task<IReadOnlyDictionary<(Guid AthleteId, DateOnly WeekStart), BodyMapView>> FetchAsync(
        IReadOnlyList<(Guid AthleteId, DateOnly WeekStart)> keys, CancellationToken cancellationToken) =>
        reads.LoadAsync([.. keys], cancellationToken);
}
