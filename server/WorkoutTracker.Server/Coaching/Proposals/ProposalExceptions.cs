using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>The week's plan changed after the proposal was made (an edit, a profile change, a logged session): it no longer says what it would change.</summary>
public sealed class ProposalStaleException()
    : DomainException("PROPOSAL_STALE", "The plan changed since this proposal was made; ask for a new one.");

/// <summary>The proposal was already decided (with another clientMutationId).</summary>
public sealed class ProposalDecidedException()
    : DomainException("PROPOSAL_DECIDED", "This proposal was already decided.");
