namespace WorkoutTracker.Server.Common.Idempotency;

/// <summary>The clientMutationId was used before by this user for a different input or operation.</summary>
public sealed class IdempotencyConflictException(string clientMutationId)
    : DomainException(
        "IDEMPOTENCY_CONFLICT",
        $"clientMutationId '{clientMutationId}' was already used for a different input; make a new id for a new change.");
