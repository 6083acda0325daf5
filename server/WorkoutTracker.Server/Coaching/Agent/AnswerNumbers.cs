using System.Globalization;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// The numbers an answer states, and whether its citations back each one. Both coaches' answers are held
/// to it: the model's citations are the tool numbers its answer mentions (<see cref="CitedBy"/>), and the
/// evaluation checks that nothing is left over (<see cref="Uncited"/>).
/// <para>
/// What counts as a number: digits standing on their own ("102.5", "8–12", "3 × 5", "3x5", "225lb").
/// Labels are not: dates (2026-11-23), times (17:30), plan days ("day 2"), digits inside a word (e1RM, 1RM) or joined
/// to one ("45-Degree Back Extension").
/// </para>
/// <para>
/// A citation backs a number when the number is its value rounded to the precision written (102.058 kg is
/// "102.06", "102.1" or "102"), in the unit written: a kilogram citation (ref ending in <c>Kg</c>) shown
/// in pounds is converted first (102.058 kg → "225 lb"), and one in pounds (<c>Lb</c>) shown in kilograms
/// likewise. A number with no unit is compared as it stands, and for a pound athlete also converted.
/// </para>
/// </summary>
public static class AnswerNumbers
{
    /// <summary>The numbers <paramref name="answer"/> states, in order.</summary>
    public static IReadOnlyList<StatedNumber> Read(string answer)
    {
        var numbers = new List<StatedNumber>();
        var i = 0;
        while (i < answer.Length)
        {
            if (IsDateAt(answer, i))
            {
                i += 10;
                continue;
            }

            if (!char.IsAsciiDigit(answer[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < answer.Length && (char.IsAsciiDigit(answer[i]) || (answer[i] == '.' && i + 1 < answer.Length && char.IsAsciiDigit(answer[i + 1]))))
            {
                i++;
            }

            var text = answer[start..i];
            if (IsLabel(answer, start, i))
            {
                continue;
            }

            numbers.Add(new StatedNumber(decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture), Decimals(text), UnitAfter(answer, i), start, text));
        }

        return numbers;
    }

    /// <summary>The stated numbers no citation backs.</summary>
    public static IReadOnlyList<StatedNumber> Uncited(string answer, IEnumerable<Citation> citations, WeightUnit athleteUnit)
    {
        var all = citations.ToList();
        return [.. Read(answer).Where(n => !all.Any(c => Backs(c, n, athleteUnit)))];
    }

    /// <summary>The citations that back a number of <paramref name="answer"/>, one per source.</summary>
    public static IReadOnlyList<Citation> CitedBy(string answer, IEnumerable<Citation> citations, WeightUnit athleteUnit)
    {
        var numbers = Read(answer);
        return [.. citations.Where(c => numbers.Any(n => Backs(c, n, athleteUnit))).DistinctBy(c => (c.Kind, c.Ref))];
    }

    public static bool Backs(Citation citation, StatedNumber number, WeightUnit athleteUnit)
    {
        var kilograms = citation.Ref.EndsWith("Kg", StringComparison.Ordinal);
        var pounds = citation.Ref.EndsWith("Lb", StringComparison.Ordinal);
        var value = citation.Value;
        return number.Unit switch
        {
            WeightUnit.Lb when kilograms => Matches(WeightConversion.Convert(value, WeightUnit.Kg, WeightUnit.Lb), number),
            WeightUnit.Kg when pounds => Matches(WeightConversion.Convert(value, WeightUnit.Lb, WeightUnit.Kg), number),
            null when kilograms && athleteUnit == WeightUnit.Lb => Matches(value, number) || Matches(WeightConversion.Convert(value, WeightUnit.Kg, WeightUnit.Lb), number),
            _ => Matches(value, number),
        };
    }

    /// <summary>How answers show a kilogram value in the athlete's unit: at most one decimal in pounds, two in kilograms.</summary>
    public static string Show(decimal kilograms, WeightUnit unit) => unit == WeightUnit.Lb
        ? Math.Round(WeightConversion.Convert(kilograms, WeightUnit.Kg, WeightUnit.Lb), 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)
        : Citation.Format(kilograms);

    public static string Symbol(WeightUnit unit) => unit == WeightUnit.Lb ? "lb" : "kg";

    private static bool Matches(decimal value, StatedNumber number)
    {
        var tolerance = 0.5m / Pow10(number.Decimals);
        return Math.Abs(value - number.Value) <= tolerance;
    }

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var d = 0; d < decimals; d++)
        {
            result *= 10m;
        }

        return result;
    }

    private static int Decimals(string text) => text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;

    /// <summary>Dates, times, plan days, and digits inside or joined to a word are labels, not numbers.</summary>
    private static bool IsLabel(string text, int start, int end)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        if (after == ':' || before == ':')
        {
            return true;
        }

        if (char.IsLetter(before) && !(before is 'x' or 'X' && start > 1 && char.IsAsciiDigit(text[start - 2])))
        {
            return true;
        }

        if (char.IsLetter(after) && UnitAfter(text, end) is null && !(after is 'x' or 'X' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))
        {
            return true;
        }

        if (after == '-' && end + 1 < text.Length && char.IsLetter(text[end + 1]))
        {
            return true;
        }

        var lead = text[..start].TrimEnd();
        return lead.EndsWith("day", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsDateAt(string text, int start) =>
        start >= 0 && start + 10 <= text.Length
        && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2]) && char.IsAsciiDigit(text[start + 3])
        && text[start + 4] == '-' && char.IsAsciiDigit(text[start + 5]) && char.IsAsciiDigit(text[start + 6])
        && text[start + 7] == '-' && char.IsAsciiDigit(text[start + 8]) && char.IsAsciiDigit(text[start + 9]);

    private static WeightUnit? UnitAfter(string text, int end)
    {
        var rest = text[end..].TrimStart();
        var word = new string([.. rest.TakeWhile(char.IsLetter)]).ToLowerInvariant();
        return word switch
        {
            "kg" or "kgs" or "kilo" or "kilos" or "kilogram" or "kilograms" => WeightUnit.Kg,
            "lb" or "lbs" or "pound" or "pounds" => WeightUnit.Lb,
            _ => null,
        };
    }
}

/// <summary>A number an answer states: its value, how many decimals it was written with, its unit when one follows, and where it stands.</summary>
public sealed record StatedNumber(decimal Value, int Decimals, WeightUnit? Unit, int Index, string Text);
