using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.Sessions;

/// <summary>
/// Start a session, optionally following a day of the weekly plan, optionally with an id the client
/// made (so an offline phone can log sets into it before it syncs).
/// </summary>
public sealed record StartSessionInput(string ClientMutationId, int? PlanDayNumber = null, DateTimeOffset? StartedAt = null, Guid? SessionId = null) : IMutationInput;

/// <summary>Log a set into an open session. Loads are kilograms.</summary>
public sealed record LogSetInput(
    string ClientMutationId,
    Guid SessionId,
    string ExerciseId,
    decimal LoadKg,
    int Reps,
    decimal? Rpe = null,
    int? RestSeconds = null,
    DateTimeOffset? PerformedAt = null,
    bool IsWarmup = false,
    SetType? SetType = null,
    string? Note = null) : IMutationInput;

/// <summary>Replace a logged set's values (the whole set: an omitted RPE clears it).</summary>
public sealed record UpdateSetInput(
    string ClientMutationId,
    Guid SetId,
    decimal LoadKg,
    int Reps,
    decimal? Rpe = null,
    int? RestSeconds = null,
    bool IsWarmup = false,
    SetType? SetType = null,
    string? Note = null) : IMutationInput;

public sealed record DeleteSetInput(string ClientMutationId, Guid SetId) : IMutationInput;

public sealed record FinishSessionInput(string ClientMutationId, Guid SessionId, DateTimeOffset? FinishedAt = null) : IMutationInput;
