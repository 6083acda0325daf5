using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkoutTracker.Server.Coaching.Agent.Plugins;

/// <summary>How plugin results reach the model: compact camelCase JSON, nulls left out.</summary>
internal static class PluginJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>An enum value as the GraphQL schema spells it: FrontDelts → FRONT_DELTS.</summary>
    public static string Constant<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>Reads an enum the way a model may write it: "FRONT_DELTS", "front delts", "FrontDelts".</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var wanted = Letters(text);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Letters(candidate.ToString()) == wanted)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>A week argument: any day of it as yyyy-MM-dd; <paramref name="fallback"/> when empty.</summary>
    public static DateOnly Week(string? text, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Plans.IsoWeeks.MondayOf(fallback);
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Plans.IsoWeeks.MondayOf(day)
            : throw new ArgumentException($"'{text}' is not a date (yyyy-MM-dd).");
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Letters(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
