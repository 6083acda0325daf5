using GraphQL.Types;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Sessions;

using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Notes;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>The mutation root: each feature contributes its fields.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddProfileMutations();
        this.AddSessionMutations();
        this.AddCoachingMutations();
        this.AddNoteMutations();
        this.AddExerciseMutations();
        this.AddPlanEditMutations();
        Coaching.Proposals.ProposalFields.AddProposalMutations(this);
    }
}
