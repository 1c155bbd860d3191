using PrivacyPortal.Domain.Audit;

namespace PrivacyPortal.Domain.Tests.Audit;

/// <summary>Two details are the same when code and values are, in order (a record compares its list by reference).</summary>
public sealed class AuditDetailComparer : IEqualityComparer<AuditDetail?>
{
    public static readonly AuditDetailComparer Instance = new();

    public bool Equals(AuditDetail? x, AuditDetail? y) =>
        x is null || y is null ? x is null && y is null : x.Code == y.Code && x.Values.SequenceEqual(y.Values, StringComparer.Ordinal);

    public int GetHashCode(AuditDetail? obj) => obj is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Code);
}
