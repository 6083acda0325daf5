using System.Reflection;
using GraphQL.Types;
using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>
/// An input object bound to a C# record. GraphQL accepts any string (or integer) for an <c>ID</c>; our ids are
/// UUIDs, so a value that is not one is reported as a <c>VALIDATION</c> error naming the field, instead of a
/// conversion exception escaping input coercion (a 500). Likewise a <c>Float</c> bound to a <c>decimal</c>
/// that no decimal can hold (beyond ±7.9e28).
/// </summary>
public abstract class InputRecordGraphType<TRecord> : InputObjectGraphType<TRecord>
{
    private static readonly Dictionary<string, Type> MemberTypes = typeof(TRecord)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => p.Name, p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, StringComparer.OrdinalIgnoreCase);

    /// <summary>Below <see cref="decimal.MaxValue"/> with room for the conversion's rounding.</summary>
    private const double DecimalLimit = 7.9e28;

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        foreach (var (name, raw) in value)
        {
            if (raw is null || !MemberTypes.TryGetValue(name, out var type))
            {
                continue;
            }

            if (type == typeof(Guid) && !(raw is string text && Guid.TryParse(text, out _)))
            {
                throw new ValidationException($"input.{name}", "is not a valid id.");
            }

            if (type == typeof(decimal) && raw is double number && !(double.IsFinite(number) && Math.Abs(number) < DecimalLimit))
            {
                throw new ValidationException($"input.{name}", "is out of range.");
            }

            // A list of decimals (kettlebell sizes): every element must fit too.
            if (typeof(IEnumerable<decimal>).IsAssignableFrom(type) && raw is System.Collections.IEnumerable items &&
                items.OfType<double>().Any(n => !(double.IsFinite(n) && Math.Abs(n) < DecimalLimit)))
            {
                throw new ValidationException($"input.{name}", "holds a number out of range.");
            }
        }

        return base.ParseDictionary(value);
    }
}
