using System.Text;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// FNV-1a (64-bit) over UTF-8: the same string gives the same number on every machine, process and
/// .NET version, unlike <see cref="string.GetHashCode()"/> (randomised per process) or a seeded
/// <see cref="Random"/> (whose sequence is not guaranteed across versions). The plan's rotation uses it.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string text)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
