using System.Security.Claims;

namespace WorkoutTracker.Server.GraphQL.Caching;

/// <summary>
/// The version of what a root query field returns for a caller and arguments, read cheaply (a version
/// column, not the data). A feature registers one per cacheable field; an operation is cacheable when
/// every root field it selects has one.
/// </summary>
public interface IRootFieldVersion
{
    string FieldName { get; }

    /// <returns>A stamp that changes whenever the field's result would; <c>null</c> when it cannot say.</returns>
    ValueTask<string?> GetVersionAsync(RootFieldRequest request, CancellationToken cancellationToken);
}

/// <summary>A root field as requested: its arguments (variables substituted; absent when not given) and the caller.</summary>
public sealed record RootFieldRequest(ClaimsPrincipal User, IReadOnlyDictionary<string, object?> Arguments, IServiceProvider Services)
{
    public string? GetString(string name) => Arguments.TryGetValue(name, out var value) ? value?.ToString() : null;

    /// <summary>An optional UUID argument; false when it is given but malformed (execution will report it).</summary>
    public bool TryGetUuid(string name, out Guid? value)
    {
        value = null;
        if (GetString(name) is not { } text)
        {
            return true;
        }

        value = Guid.TryParse(text, out var parsed) ? parsed : null;
        return value is not null;
    }

    /// <summary>An optional <c>YYYY-MM-DD</c> argument; false when it is given but malformed.</summary>
    public bool TryGetDate(string name, out DateOnly? value)
    {
        value = null;
        if (GetString(name) is not { } text)
        {
            return true;
        }

        value = DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) ? parsed : null;
        return value is not null;
    }
}
