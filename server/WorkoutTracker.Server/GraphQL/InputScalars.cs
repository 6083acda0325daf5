using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>
/// The built-in <c>ID</c> scalar, held to the spec's input coercion: a string, or an integer coerced to its
/// decimal string (GraphQL.NET's own passes the number through, which then fails to convert to a UUID as a
/// server error). Text with a NUL character is refused: PostgreSQL cannot store it. Registered in place of the
/// built-in one under the same name.
/// </summary>
public sealed class SpecIdGraphType : IdGraphType
{
    public SpecIdGraphType() => Name = "ID";

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => InputText.Check((string)s.Value),
        GraphQLIntValue i => BigInteger.Parse(i.Value.Span, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => InputText.Check(s),
        int or long or short or byte or sbyte or ushort or uint or ulong or BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLStringValue or GraphQLIntValue or GraphQLNullValue;

    public override bool CanParseValue(object? value) =>
        value is null or string or int or long or short or byte or sbyte or ushort or uint or ulong or BigInteger;
}

/// <summary>The built-in <c>String</c> scalar, refusing text with a NUL character (PostgreSQL cannot store it).</summary>
public sealed class NulFreeStringGraphType : StringGraphType
{
    public NulFreeStringGraphType() => Name = "String";

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLStringValue s ? InputText.Check((string)s.Value) : base.ParseLiteral(value);

    public override object? ParseValue(object? value) => value is string s ? InputText.Check(s) : base.ParseValue(value);
}

internal static class InputText
{
    public static string Check(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? throw new FormatException("Text must not contain NUL (U+0000) characters.") : text;
}
