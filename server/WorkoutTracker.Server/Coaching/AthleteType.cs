using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Calendar;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.GraphQL.DataLoaders;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Sessions;

namespace WorkoutTracker.Server.Coaching;

public sealed class AthleteType : ObjectGraphType<AthleteView>
{
    public AthleteType()
    {
        Name = "Athlete";
        Description = "An athlete a coach follows, with what the coach scans: the week's body map and recent sessions.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.User.Id);
        Field<NonNullGraphType<UserType>>("user").Resolve(c => c.Source.User);
        Field<NonNullGraphType<BodyMapType>>("bodyMap")
            .Argument<CalendarDateGraphType>("weekStart", a => a.Description = "A Monday; this week when omitted.")
            .Resolve(c =>
            {
                var week = BodyMapQueries.WeekArgument(
                    c.GetArgument<DateOnly?>("weekStart"), c.RequestServices!.GetRequiredService<TimeProvider>(), AthleteCalendar.Zone(c.Source.User.TimeZone));
                return c.GetDataLoader<BodyMapByAthleteWeekDataLoader>().LoadAsync((c.Source.User.Id, week));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>>("recentSessions")
            .Description("Newest first.")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => a.DefaultValue = 5)
            .Resolve(c => RecentSessions(c, c.GetArgument<int>("first")).LoadAsync(c.Source.User.Id));
        Field<SessionType>("activeSession")
            .Description("The newest session if it is not finished yet.")
            .Resolve(c => RecentSessions(c, 1).LoadAsync(c.Source.User.Id).Then(s => s.FirstOrDefault(x => !x.IsFinished)));
    }

    private static RecentSessionsByAthleteIdDataLoader RecentSessions(IResolveFieldContext context, int first)
    {
        if (first is < 1 or > RecentSessionsByAthleteIdDataLoader.MaxLimit)
        {
            throw new ValidationException("first", $"must be between 1 and {RecentSessionsByAthleteIdDataLoader.MaxLimit}.");
        }

        return context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd(
            $"recent-sessions:{first}",
            sp => new RecentSessionsByAthleteIdDataLoader(sp.GetRequiredService<IDbContextFactory<WorkoutDb>>(), first));
    }
}
