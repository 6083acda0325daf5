using WorkoutTracker.Server.Common;

namespace WorkoutTracker.Server.Notes;

/// <summary>
/// How long a note may be, and what an empty one means: notes are trimmed, and an empty or blank note
/// clears the note. Checked before anything is written; the columns hold the same limits.
/// </summary>
public static class NoteRules
{
    public const int MaxSetNote = 500;

    public const int MaxSessionNote = 2000;

    public const int MaxExerciseNote = 1000;

    /// <summary>The note to store: trimmed, null when blank; a VALIDATION error naming <paramref name="field"/> when too long.</summary>
    public static string? Normalize(string field, string? note, int maxLength)
    {
        var trimmed = note?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength
            ? throw new ValidationException(field, $"must be at most {maxLength} characters (it has {trimmed.Length}).")
            : trimmed;
    }
}
