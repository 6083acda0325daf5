using System.Text;
using Microsoft.AspNetCore.Identity;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// Refuses passwords built on the patterns every breach list starts with (NIST SP 800-63B §5.1.1.2: "values
/// known to be commonly-used, expected, or compromised"): a common base word or keyboard run, once look-alike
/// characters are undone (<c>P@ssw0rd!</c> is <c>password</c>) and the digits and symbols people tack on are
/// stripped; one character repeated; or the account's own email name or display name. Runs after Identity's
/// own rules (length, distinct characters). No network call: the list is small and built in.
/// </summary>
public sealed class BreachedPatternPasswordValidator : IPasswordValidator<User>
{
    public const string Code = "PasswordBreachedPattern";

    private static readonly string[] CommonBases =
    [
        "password", "passwort", "passw", "qwerty", "qwertz", "azerty", "asdf", "zxcv", "letmein", "welcome", "admin",
        "iloveyou", "monkey", "dragon", "football", "baseball", "soccer", "sunshine", "master", "shadow", "princess",
        "superman", "batman", "trustno", "whatever", "starwars", "freedom", "secret", "login", "hello", "abc123",
        "changeme", "workout", "workouttracker", "lifting", "gymrat", "fitness", "strong", "muscle", "bodybuilding",
        "1234", "0000", "1111", "9876", "abcd", "test", "guest", "default", "summer", "winter", "spring", "autumn",
    ];

    private static readonly string[] KeyboardRuns = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "0987654321", "abcdefghijklmnopqrstuvwxyz"];

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var plain = Undo(password ?? "");
        var core = Undo((password ?? "").Trim('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!', '?', '.', '#', '*', '_', '-', ' ', '$', '@', '&', '%'));
        var personal = new[] { user.Email?.Split('@')[0], user.DisplayName }
            .Select(p => Undo(p ?? "").Replace(" ", "", StringComparison.Ordinal))
            .Where(p => p.Length >= 4);

        var weak = plain.Distinct().Count() <= 2
                   || CommonBases.Any(b => core.Length <= b.Length + 4 && core.Contains(b, StringComparison.Ordinal))
                   || CommonBases.Any(b => core == b || core.Replace(b, "", StringComparison.Ordinal).Length == 0)
                   || IsKeyboardRun(plain)
                   || personal.Any(p => plain.Contains(p, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password follows a pattern found in breached password lists (a common word, a keyboard run, " +
                              "or your own name or email); choose a passphrase of a few unrelated words.",
            })
            : IdentityResult.Success);
    }

    /// <summary>Lower case, look-alike digits and symbols turned back into the letters they stand for.</summary>
    private static string Undo(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                '@' or '4' => 'a',
                '3' => 'e',
                '0' => 'o',
                '$' or '5' => 's',
                '7' or '+' => 't',
                '!' or '|' => 'i',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>The whole password is one run of a keyboard row or the alphabet (either way), perhaps repeated.</summary>
    private static bool IsKeyboardRun(string plain)
    {
        var letters = new string([.. plain.Where(char.IsLetterOrDigit)]);
        if (letters.Length == 0)
        {
            return true;
        }

        return KeyboardRuns.Any(run =>
        {
            var both = run + new string([.. run.Reverse()]);
            for (var length = 3; length <= Math.Min(letters.Length, run.Length); length++)
            {
                var piece = letters[..length];
                if (both.Contains(piece, StringComparison.Ordinal) && letters.Replace(piece, "", StringComparison.Ordinal).Length == 0)
                {
                    return true;
                }
            }

            return both.Contains(letters, StringComparison.Ordinal);
        });
    }
}
