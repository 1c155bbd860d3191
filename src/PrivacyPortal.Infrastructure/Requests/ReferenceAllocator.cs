using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Requests;

/// <summary>
/// References per controller series and year: NTTSMC-2026-000123. The next number follows the highest one in use;
/// a unique index on the reference makes two concurrent confirmations collide, and the caller retries.
/// </summary>
public static class ReferenceAllocator
{
    public static async Task<string> NextAsync(PortalDbContext db, string prefix, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var start = $"{prefix}-{year:D4}-";
        var highest = await db.Requests
            .Where(r => r.Reference != null && r.Reference.StartsWith(start))
            .OrderByDescending(r => r.Reference)
            .Select(r => r.Reference)
            .FirstOrDefaultAsync(cancellationToken);
        var next = highest is null ? 1 : int.Parse(highest[start.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{start}{next:D6}";
    }
}
