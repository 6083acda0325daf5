namespace WorkoutTracker.Server.Common.Idempotency;

/// <summary>
/// That a user's mutation with this <c>clientMutationId</c> happened: which operation, a fingerprint of
/// its normalized input, and a reference to its result. Written in the same transaction as the change,
/// so a record exists exactly when the change does.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; init; }

    public required string ClientMutationId { get; init; }

    public required string Operation { get; init; }

    /// <summary>SHA-256 (hex) of the operation's normalized input.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Id of what the first execution produced (a set, a session…), loaded again on replay.</summary>
    public string? ResultId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
