using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.GraphQL;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching;

public static class CoachingFields
{
    public static void AddCoachingQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoachLinkType>>>>("coachLinks")
            .Description("The signed-in user's coach links (as coach or as athlete) and the requests sent to their email, pending and active first.")
            .ResolveAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync(c.CancellationToken);
                return await CoachLinkCommands.VisibleTo(db.CoachLinks.AsNoTracking(), user)
                    .OrderBy(l => l.Status == CoachLinkStatus.Ended).ThenByDescending(l => l.CreatedAt)
                    .ToListAsync(c.CancellationToken);
            });
    }

    public static void AddAthleteQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AthleteType>>>>("athletes")
            .Description("For a coach: the athletes they follow (active links), by name.")
            .ResolveAsync(async c =>
            {
                var user = await c.GetCurrentUserAsync();
                if (user.Role != UserRole.Coach)
                {
                    throw new ForbiddenException("Only coaches have athletes.");
                }

                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<WorkoutDb>>().CreateDbContextAsync(c.CancellationToken);
                var athletes = await db.CoachLinks.AsNoTracking()
                    .Where(l => l.CoachId == user.Id && l.Status == CoachLinkStatus.Active)
                    .Join(db.Users, l => l.AthleteId, u => (Guid?)u.Id, (_, u) => u)
                    .OrderBy(u => u.DisplayName)
                    .ToListAsync(c.CancellationToken);
                return athletes.Select(u => new AthleteView(u)).ToList();
            });
    }

    public static void AddCoachingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CoachLinkPayloadType>>("requestCoachLink")
            .Description("An athlete invites a coach, or a coach asks to follow an athlete, by email; the account with that email and the other role may accept. The answer is the same whether or not such an account exists.")
            .Argument<NonNullGraphType<RequestCoachLinkInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<CoachLinkCommands, RequestCoachLinkInput, CoachLink>(c, (commands, user, input, ct) => commands.RequestAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<CoachLinkPayloadType>>("acceptCoachLink")
            .Description("Accept a link the other side asked for.")
            .Argument<NonNullGraphType<CoachLinkInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<CoachLinkCommands, CoachLinkInput, CoachLink>(c, (commands, user, input, ct) => commands.AcceptAsync(user, input, ct)));

        mutation.Field<NonNullGraphType<CoachLinkPayloadType>>("endCoachLink")
            .Description("End a link (either side), or withdraw or decline a pending one.")
            .Argument<NonNullGraphType<CoachLinkInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<CoachLinkCommands, CoachLinkInput, CoachLink>(c, (commands, user, input, ct) => commands.EndAsync(user, input, ct)));
    }
}
