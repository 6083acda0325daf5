namespace WorkoutTracker.Server.Common;

/// <summary>
/// A rule of the domain said no. Each feature lists its own sealed subtypes in one file
/// (e.g. <c>SessionExceptions.cs</c>); the GraphQL layer turns them into errors whose
/// <c>extensions.code</c> is <see cref="Code"/>.
/// </summary>
public abstract class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The caller is not signed in, or their account no longer exists.</summary>
public sealed class UnauthenticatedException()
    : DomainException("UNAUTHENTICATED", "Authentication required: send a valid bearer token.");

/// <summary>The caller is signed in but may not read or change this.</summary>
public sealed class ForbiddenException(string message)
    : DomainException("FORBIDDEN", message);

/// <summary>Nothing with this id exists (or the caller may not know that it does).</summary>
public sealed class NotFoundException(string what, string id)
    : DomainException("NOT_FOUND", $"{what} '{id}' was not found.");

/// <summary>An input value breaks a rule; <see cref="Field"/> names the input field.</summary>
public sealed class ValidationException(string field, string message)
    : DomainException("VALIDATION", $"{field}: {message}")
{
    public string Field { get; } = field;
}
