using System.Reflection;
using GraphQL.Types;
using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>
/// An input object bound to a C# record. GraphQL accepts any string for an <c>ID</c>; our ids are UUIDs,
/// so a value that is not one is reported as a <c>VALIDATION</c> error naming the field, instead of a
/// conversion exception escaping input coercion.
/// </summary>
public abstract class InputRecordGraphType<TRecord> : InputObjectGraphType<TRecord>
{
    private static readonly Dictionary<string, Type> MemberTypes = typeof(TRecord)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => p.Name, p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, StringComparer.OrdinalIgnoreCase);

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        foreach (var (name, raw) in value)
        {
            if (raw is string text && MemberTypes.TryGetValue(name, out var type) && type == typeof(Guid) && !Guid.TryParse(text, out _))
            {
                throw new ValidationException($"input.{name}", "is not a valid id.");
            }
        }

        return base.ParseDictionary(value);
    }
}
