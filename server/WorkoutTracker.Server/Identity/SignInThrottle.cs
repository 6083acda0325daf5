using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.Identity;

/// <summary>Section <c>Identity:SignInThrottle</c>.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "Identity:SignInThrottle";

    /// <summary>Failed sign-ins an account (an email, known or not) may have before each further one waits.</summary>
    [Range(1, 1000)]
    public int FreeFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins one client address may have, across accounts, before each further one waits.</summary>
    [Range(1, 100_000)]
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The first wait; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long failures are remembered after the last one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan FailureMemory { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Failed sign-ins per account and per client address, with exponential backoff: past the free failures,
/// each one makes the next attempt wait (<see cref="SignInThrottleOptions.BaseDelay"/>, doubled each time, up to
/// <see cref="SignInThrottleOptions.MaxDelay"/>); an attempt during the wait is refused without checking the
/// password. Accounts are keyed by the email as typed (trimmed, lower case), so an unknown email is throttled
/// exactly like a known one. Any sign-in endpoint uses it the same way: <see cref="Check"/>, then
/// <see cref="Failed"/> or <see cref="Succeeded"/>. State is per server instance (bounded memory).
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SignInThrottleOptions _options = options.Value;
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>How long the caller must wait before trying this account from this address, or null to go ahead.</summary>
    public TimeSpan? Check(string account, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { Entry(AccountKey(account)), Entry(AddressKey(address)) }
            .Select(e => e is null ? TimeSpan.Zero : e.BlockedUntil - now)
            .Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string account, IPAddress? address)
    {
        Record(AccountKey(account), _options.FreeFailuresPerAccount);
        Record(AddressKey(address), _options.FreeFailuresPerAddress);
    }

    /// <summary>A correct password clears the account's failures (the address keeps its own).</summary>
    public void Succeeded(string account) => _failures.Remove(AccountKey(account));

    public static string NormalizeAccount(string email) => email.Trim().ToLowerInvariant();

    public void Dispose() => _failures.Dispose();

    private void Record(string key, int freeFailures)
    {
        var now = clock.GetUtcNow();
        var entry = _failures.GetOrCreate(key, e =>
        {
            e.Size = 1;
            e.SlidingExpiration = _options.FailureMemory;
            return new Failures();
        })!;
        lock (entry)
        {
            entry.Count++;
            if (entry.Count >= freeFailures)
            {
                var doublings = Math.Min(entry.Count - freeFailures, 30);
                var delay = TimeSpan.FromTicks(Math.Min(_options.MaxDelay.Ticks, _options.BaseDelay.Ticks * (1L << doublings)));
                entry.BlockedUntil = now + delay;
            }
        }
    }

    private Failures? Entry(string key) => _failures.TryGetValue(key, out Failures? entry) ? entry : null;

    private static string AccountKey(string account) => "account:" + NormalizeAccount(account);

    private static string AddressKey(IPAddress? address) => "address:" + address;

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }
}
