using GraphQL.Types;
using WorkoutTracker.Server.BodyMap;
using WorkoutTracker.Server.Coaching;
using WorkoutTracker.Server.Coaching.Agent;
using WorkoutTracker.Server.Coaching.Copilot;
using WorkoutTracker.Server.Exercises;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Progression;
using WorkoutTracker.Server.Sessions;

using WorkoutTracker.Server.History;
using WorkoutTracker.Server.Notes;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>The query root: each feature contributes its fields.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        this.AddProfileQueries();
        this.AddExerciseQueries();
        this.AddPlanQueries();
        this.AddProgressionQueries();
        this.AddSessionQueries();
        this.AddCoachingQueries();
        this.AddAthleteQueries();
        this.AddBodyMapQueries();
        this.AddCoachQueries();
        this.AddCopilotQueries();
        this.AddNoteQueries();
        this.AddHistoryQueries();
        Coaching.Proposals.ProposalFields.AddProposalQueries(this);
    }
}
