using System.Text.Json.Nodes;
using CsCheck;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>
/// Generated hostile JSON values for a variable or input field: numbers where ids go (the ID scalar
/// accepts them), huge, negative, fractional and extreme numbers, empty, blank, NUL-laden and 200 KB
/// strings, strings that look like numbers, wrong types (booleans, lists, objects, nested objects) and null.
/// </summary>
public static class HostileValues
{
    /// <summary>Above the server's 128 KB body limit on its own.</summary>
    public const int HugeStringLength = 200 * 1024;

    private static readonly Gen<JsonNode?> Numbers = Gen.OneOf(
        Gen.OneOf(0d, -1d, 1d, 2147483648d, -2147483649d, 9007199254740993d, 1e308, -1e308, 1.5, -0.5, 4.9e-324, 1e-7, 1e16, 1e29)
            .Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)));

    private static readonly Gen<JsonNode?> Strings = Gen.OneOf(
        Gen.OneOf(
                "", " ", "\u0000", "a\u0000b", "NaN", "Infinity", "-1", "1e308", "0x10", "00000000-0000-0000-0000-000000000000",
                "' OR 1=1 --", "\u202Etxt.exe", "💥🏋️", "<script>alert(1)</script>", "2026-13-45", "9999-12-31T23:59:59Z", "0001-01-01")
            .Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Char.Array[0, 64].Select(chars => (JsonNode?)JsonValue.Create(new string(chars))));

    private static readonly Gen<JsonNode?> WrongTypes = Gen.OneOf(
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const(() => (JsonNode?)new JsonArray()),
        Gen.Int.Array[1, 4].Select(values => (JsonNode?)new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))])),
        Gen.Const(() => (JsonNode?)new JsonObject()),
        Gen.Int[1, 12].Select(Nested),
        Gen.Const(() => (JsonNode?)null));

    private static readonly Gen<JsonNode?> Huge = Gen.OneOf('a', '\u0000', 'é').Select(c => (JsonNode?)JsonValue.Create(new string(c, HugeStringLength)));

    /// <summary>Any hostile value; 200 KB strings less often, since each one is a 200 KB request.</summary>
    public static Gen<JsonNode?> Any { get; } = Gen.Frequency((6, Numbers), (5, Strings), (4, WrongTypes), (1, Huge));

    /// <summary>A short text for reports (200 KB strings are named by their length).</summary>
    public static string Print(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : $"{text[..60]}… ({text.Length} chars)";
    }

    /// <summary><c>{"a":{"a":…{"a":[1,{"b":null}]}}}</c>, <paramref name="depth"/> levels deep.</summary>
    private static JsonNode? Nested(int depth)
    {
        JsonNode node = new JsonArray(JsonValue.Create(1), new JsonObject { ["b"] = null });
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }
}
