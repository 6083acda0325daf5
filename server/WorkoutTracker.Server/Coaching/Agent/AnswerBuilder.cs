using System.Text;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// Writes an offline answer sentence by sentence, within a length. Each number goes in through
/// <see cref="N"/>, which remembers its citation; a sentence that fits keeps its citations, one that
/// does not is dropped with them, and so is everything after it. So the citations are exactly the
/// numbers of the text. Loads are written in the athlete's <paramref name="unit"/>: a kilogram
/// citation (a set, a record, an e1RM) is converted for the text and keeps its kilograms
/// (<see cref="Kg"/>); a plan or progression load is already in that unit (<see cref="Load"/>).
/// </summary>
internal sealed class AnswerBuilder(int maxLength, WeightUnit unit)
{
    private readonly StringBuilder _text = new();
    private readonly List<Citation> _cited = [];
    private readonly List<Citation> _pending = [];
    private bool _full;

    public string Text => _text.ToString();

    public IReadOnlyList<Citation> Citations => [.. _cited.DistinctBy(c => (c.Kind, c.Ref))];

    /// <summary>The number, formatted; its citation goes with the next sentence.</summary>
    public string N(Citation citation)
    {
        _pending.Add(citation);
        return citation.Text;
    }

    /// <summary>A kilogram citation in the athlete's unit: "102.5 kg", or "225 lb" for 102.058 kg.</summary>
    public string Kg(Citation kilograms)
    {
        _pending.Add(kilograms);
        return $"{AnswerNumbers.Show(kilograms.Value, unit)} {AnswerNumbers.Symbol(unit)}";
    }

    /// <summary>A load already in the athlete's unit (plan, progression): "225 lb".</summary>
    public string Load(Citation load) => $"{N(load)} {AnswerNumbers.Symbol(unit)}";

    /// <summary>A rep target: "5" or "8–12".</summary>
    public string Reps(Citation min, Citation max) => min.Value == max.Value ? N(min) : $"{N(min)}–{N(max)}";

    /// <summary>" @ RPE 8", or nothing without an RPE.</summary>
    public string Rpe(Citation? rpe) => rpe is null ? "" : $" @ RPE {N(rpe)}";

    public void Say(string sentence)
    {
        var text = sentence.Trim();
        if (_full || text.Length == 0 || _text.Length + text.Length + 1 > maxLength)
        {
            _full = _full || text.Length > 0;
            _pending.Clear();
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append(' ');
        }

        _text.Append(text);
        _cited.AddRange(_pending);
        _pending.Clear();
    }
}
