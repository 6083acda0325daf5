using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.GraphQL;

namespace WorkoutTracker.Server.Profiles;

public static class ProfileQueries
{
    public static void AddProfileQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<UserType>>("me")
            .Description("The signed-in user.")
            .ResolveAsync(async context => await context.GetCurrentUserAsync());

        query.Field<NonNullGraphType<TrainingProfileType>>("profile")
            .Description("An athlete's training profile: the signed-in athlete's, or a linked athlete's for a coach.")
            .Argument<IdGraphType>("athleteId")
            .ResolveAsync(async c =>
            {
                var athleteId = await c.GetReadableAthleteIdAsync();
                return await c.RequestServices!.GetRequiredService<ProfileService>().GetAsync(athleteId, c.CancellationToken);
            });
    }

    public static void AddProfileMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ProfilePayloadType>>("updateProfile")
            .Description("Change the training profile; the weekly plan is regenerated from it.")
            .Argument<NonNullGraphType<UpdateProfileInputType>>("input")
            .ResolveAsync(c => MutationResolver.RunAsync<ProfileService, UpdateProfileInput, AthleteProfile>(c, (profiles, user, input, ct) => profiles.UpdateAsync(user, input, ct)));
    }
}
