using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WorkoutTracker.Server.Plans;

namespace WorkoutTracker.CoachEvaluation;

/// <summary>
/// The coach's evaluation set (<c>bench/coach-eval/coach-eval.json</c>): the day it is asked on, the
/// seeded athletes (<see cref="EvalAthletes"/>), and the questions with what a good answer must show.
/// </summary>
public sealed record CoachEvalSet(DateTimeOffset Today, IReadOnlyList<EvalAthlete> Athletes, IReadOnlyList<EvalCase> Cases)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The file beside the assembly (both the test and the command copy it there).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "coach-eval.json");

    public static CoachEvalSet Load(string? path = null) =>
        JsonSerializer.Deserialize<CoachEvalSet>(File.ReadAllText(path ?? DefaultPath), Json) ?? throw new InvalidDataException("The evaluation set is empty.");

    public DateOnly ThisWeek => IsoWeeks.MondayOf(DateOnly.FromDateTime(Today.UtcDateTime));

    /// <summary>A ref pattern with its placeholders filled: {thisWeek}, {lastWeek}, {nextWeek} (Mondays, yyyy-MM-dd).</summary>
    public string Fill(string pattern) => pattern
        .Replace("{thisWeek}", Date(ThisWeek), StringComparison.Ordinal)
        .Replace("{lastWeek}", Date(ThisWeek.AddDays(-7)), StringComparison.Ordinal)
        .Replace("{nextWeek}", Date(ThisWeek.AddDays(7)), StringComparison.Ordinal);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An athlete of the set: the key cases use, the name they are seeded with, their unit and their history in a sentence.</summary>
public sealed record EvalAthlete(string Key, string Name, string Units, string About);

/// <summary>
/// One question and the properties of a good answer: the intent it must serve, the citations it must
/// make (<c>KIND ref</c>, <c>*</c> for any part, placeholders as in <see cref="CoachEvalSet.Fill"/>), words
/// it must mention (alternatives split by <c>|</c>) or must not, movement patterns it must not propose
/// (for pain), and a length limit.
/// </summary>
public sealed record EvalCase(
    string Id,
    string Athlete,
    string Question,
    string Intent,
    string AskedBy = "athlete",
    IReadOnlyList<string>? Cites = null,
    IReadOnlyList<string>? MustMention = null,
    IReadOnlyList<string>? MustNotMention = null,
    IReadOnlyList<string>? AvoidPatterns = null,
    int? MaxLength = null)
{
    public IReadOnlyList<string> CitesOrNone => Cites ?? [];

    public IReadOnlyList<string> MustMentionOrNone => MustMention ?? [];

    public IReadOnlyList<string> MustNotMentionOrNone => MustNotMention ?? [];

    public IReadOnlyList<string> AvoidPatternsOrNone => AvoidPatterns ?? [];

    public bool AskedByCoach => string.Equals(AskedBy, "coach", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Id;

    /// <summary>Whether <paramref name="kind"/> and <paramref name="reference"/> match a filled <c>KIND ref</c> pattern.</summary>
    public static bool Matches(string filledPattern, string kind, string reference)
    {
        var space = filledPattern.IndexOf(' ', StringComparison.Ordinal);
        var wantedKind = filledPattern[..space];
        var refPattern = "^" + string.Join(".*", filledPattern[(space + 1)..].Split('*').Select(Regex.Escape)) + "$";
        return wantedKind == kind && Regex.IsMatch(reference, refPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
