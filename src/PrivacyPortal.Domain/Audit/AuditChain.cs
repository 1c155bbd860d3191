using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyPortal.Domain.Audit;

/// <summary>An event on a hash chain: its place (sequence), its own hash and the hash of the event before it.</summary>
public interface IChainedEvent
{
    long Seq { get; }

    DateTime AtUtc { get; }

    string Hash { get; }

    string PrevHash { get; }

    /// <summary>The fields the hash covers, in their fixed order (never personal text, only its digest).</summary>
    IReadOnlyList<string?> ChainedFields();

    /// <summary>Gives the event its place after <paramref name="prevHash"/> and computes its hash.</summary>
    void Seal(long seq, string prevHash);
}

/// <summary>
/// The tamper-evident record: every audit event carries SHA-256 over its sequence number, the previous event's hash
/// and its coded fields, so changing, deleting, inserting or reordering an event breaks the chain at that event.
/// The canonical form is public (docs/architecture.md) so anyone holding an export can recompute it:
/// UTF-8 "pp-audit-v1", then for the sequence (8 bytes big-endian), the previous hash and each field in order a 4-byte
/// big-endian length and the UTF-8 bytes (length 0xFFFFFFFF for a missing value).
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first event of a chain.</summary>
    public static readonly string Genesis = new('0', 64);

    public const int HashLength = 64;

    /// <summary>The chain of request events.</summary>
    public const string Cases = "cases";

    /// <summary>The chain of administration events (accounts, roles, profiles, sign-ins, exports).</summary>
    public const string Administration = "admin";

    private static readonly byte[] Version = Encoding.UTF8.GetBytes("pp-audit-v1");

    public static string Compute(long seq, string prevHash, IReadOnlyList<string?> fields)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        return Compute(hash, seq, prevHash, fields);
    }

    /// <summary>The same, on a hasher the caller reuses for many events (the verifier: one per chain, not per event).</summary>
    public static string Compute(IncrementalHash hash, long seq, string prevHash, IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(prevHash);
        ArgumentNullException.ThrowIfNull(fields);
        hash.AppendData(Version);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, seq);
        hash.AppendData(number);
        Append(hash, prevHash);
        foreach (var field in fields)
        {
            Append(hash, field);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// Instants are hashed as whole microseconds since 0001-01-01 UTC: PostgreSQL keeps microseconds, so the value
    /// hashed must be the value read back. <see cref="Instant"/> truncates an event's time to that precision first.
    /// </summary>
    public static string Format(DateTime utc) => (utc.Ticks / 10).ToString(CultureInfo.InvariantCulture);

    public static DateTime Instant(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>
    /// The digest the chain keeps of personal text: salted, so a short text (a receipt number) cannot be found by
    /// trying candidates; once the text and its salt are erased the digest says nothing about it.
    /// </summary>
    public static string TextDigest(string salt, string text)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "\n" + text)));
    }

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            hash.AppendData(length);
            return;
        }

        var byteCount = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)byteCount);
        hash.AppendData(length);
        if (byteCount <= 512)
        {
            Span<byte> bytes = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(value, bytes);
            hash.AppendData(bytes);
        }
        else
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
        }
    }
}
