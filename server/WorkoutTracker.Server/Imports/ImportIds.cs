using System.Security.Cryptography;
using System.Text;

namespace WorkoutTracker.Server.Imports;

/// <summary>
/// Ids of imported sessions and sets, derived from the athlete and what identifies the row in the file
/// (RFC 9562 version 5, name-based): the same workout in two exports, or in one file imported twice, gets
/// the same ids, so writing it again is a no-op. A set is identified by its workout, its exercise and its
/// position among that exercise's sets, not by its load or reps, so an export made after correcting a
/// typo does not double the set.
/// </summary>
public static class ImportIds
{
    private static readonly Guid Namespace = new("6f1f3c52-4c1e-4b8e-9a57-2b0d5f3c9e11");

    public static Guid Session(Guid athleteId, ImportedSession session) =>
        NameBased($"{athleteId:N}|session|{session.Key}");

    public static Guid Set(Guid athleteId, ImportedSession session, ImportedSet set) =>
        NameBased($"{athleteId:N}|set|{session.Key}|{set.ExerciseName.ToLowerInvariant()}|{set.Occurrence}");

    private static Guid NameBased(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 9562 defines version 5 ids with SHA-1; they identify, they protect nothing
        SHA1.HashData(bytes, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
