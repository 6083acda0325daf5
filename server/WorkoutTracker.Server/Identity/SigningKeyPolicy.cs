using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// What the development issuer's signing key must be. Anyone holding the key can mint a token for any
/// user id, so: base64 of at least 32 bytes that look random (not text such as a passphrase, not a
/// repeated pattern) everywhere, and outside Development and Testing never a key published in this
/// repository. A key's real entropy cannot be read off the key; these checks refuse what is certainly
/// weak and the message says how to make a strong one.
/// </summary>
public sealed class SigningKeyPolicy(IHostEnvironment environment) : IValidateOptions<TokenIssuerOptions>
{
    public const int MinKeyBytes = 32;

    /// <summary>
    /// SHA-256 (hex) of the keys committed to this repository (the one in the server's appsettings.json).
    /// A test checks that every key the repository holds is listed here.
    /// </summary>
    public static readonly IReadOnlySet<string> PublishedKeyFingerprints = new HashSet<string>(StringComparer.Ordinal)
    {
        "c6d770bee852106de32ad4d25c7b0083e18c4064782132fc8aea2526ffc6886d",
    };

    private const string HowToFix =
        "Set Identity__TokenIssuer__SigningKey to base64 of 32 random bytes of your own (e.g. `openssl rand -base64 32`), " +
        "the same on every server instance, or configure the AzureAd section instead.";

    public ValidateOptionsResult Validate(string? name, TokenIssuerOptions options)
    {
        if (Weakness(options.SigningKey) is { } weakness)
        {
            return ValidateOptionsResult.Fail($"{TokenIssuerOptions.SectionName}:SigningKey {weakness}. {HowToFix}");
        }

        var published = PublishedKeyFingerprints.Contains(Fingerprint(options.SigningKey));
        if (published && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            return ValidateOptionsResult.Fail(
                $"{TokenIssuerOptions.SectionName}:SigningKey is the key published in the repository's appsettings.json " +
                $"and the environment is '{environment.EnvironmentName}': anyone can sign tokens with it. {HowToFix}");
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>Why a key is too weak to sign tokens, or null when it passes.</summary>
    public static string? Weakness(string? key)
    {
        var bytes = Decode(key);
        if (bytes is null)
        {
            return "is not base64";
        }

        if (bytes.Length < MinKeyBytes)
        {
            return $"holds {bytes.Length * 8} bits; at least {MinKeyBytes * 8} are needed";
        }

        // Printable text (a passphrase base64-encoded): 32 random bytes are all printable ASCII with a chance of about 1e-14.
        if (bytes.All(b => b is >= 0x20 and < 0x7F))
        {
            return "is text (a passphrase), not random bytes";
        }

        // Few distinct byte values (a repeated pattern): random bytes repeat far less (32 random bytes show about 30
        // distinct values; fewer than two thirds of the expected count happens with a chance below 1e-6).
        var expectedDistinct = 256 * (1 - Math.Pow(255.0 / 256, bytes.Length));
        if (bytes.Distinct().Count() < expectedDistinct * 2 / 3)
        {
            return "repeats itself like a pattern, not random bytes";
        }

        return null;
    }

    /// <summary>Lowercase hex SHA-256 of the key's text as configured (trimmed).</summary>
    public static string Fingerprint(string? key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((key ?? "").Trim())));

    private static byte[]? Decode(string? key)
    {
        var text = (key ?? "").Trim();
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
