namespace WorkoutTracker.Server.Common;

/// <summary>Every mutation input carries the id the client made once for the change.</summary>
public interface IMutationInput
{
    string ClientMutationId { get; }
}
