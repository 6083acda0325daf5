using System.ComponentModel.DataAnnotations;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// Section <c>Identity:LocalAccounts</c>: sign-up and sign-in with email and password (ASP.NET Core Identity's
/// hasher, password rules and lockout), tokens from <see cref="TokenIssuerOptions"/>. Unset
/// <see cref="Enabled"/> means: on in Development and Testing unless Entra ID is configured, off elsewhere.
/// </summary>
public sealed class LocalAccountsOptions
{
    public const string SectionName = "Identity:LocalAccounts";

    public bool? Enabled { get; set; }

    /// <summary>Shortest password accepted (NIST SP 800-63B asks for at least 8; longer passphrases beat character classes).</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;

    /// <summary>Failed sign-ins in a row that lock the account for <see cref="LockoutDuration"/> (kept in the database: every instance sees it).</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-ups one client address may make per <see cref="SignUpWindow"/>.</summary>
    [Range(1, 100_000)]
    public int SignUpsPerAddress { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignUpWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sign-in attempts (right or wrong) one client address may make per <see cref="SignInWindow"/>, besides the failure backoff.</summary>
    [Range(1, 100_000)]
    public int SignInsPerAddress { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether local accounts are on for this host.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{SectionName}:Enabled")
        ?? ((environment.IsDevelopment() || environment.IsEnvironment("Testing")) && !configuration.UsesEntraId());
}
