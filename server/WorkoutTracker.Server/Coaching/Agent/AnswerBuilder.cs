using System.Text;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// Writes an offline answer sentence by sentence, within a length. Each number goes in through
/// <see cref="N"/>, which remembers its citation; a sentence that fits keeps its citations, one that
/// does not is dropped with them, and so is everything after it. So the citations are exactly the
/// numbers of the text.
/// </summary>
internal sealed class AnswerBuilder(int maxLength)
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
