using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Requests;

/// <summary>
/// References per controller series and year: NTTSMC-2026-000123, without gaps or repeats however many instances
/// confirm at once. The series' counter row is incremented inside the caller's transaction, which the database
/// serialises on that row until the confirmation commits; a confirmation that fails rolls its number back. The
/// first number of a series follows the highest reference already in use (a database from before the counters).
/// </summary>
public static class ReferenceAllocator
{
    /// <summary>The next reference; call inside a transaction that also saves the request it is given to.</summary>
    public static async Task<string> NextAsync(PortalDbContext db, string prefix, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A reference is allocated inside the transaction that saves it.");
        }

        var series = $"{prefix}-{year:D4}";
        var taken = await db.ReferenceCounters.Where(c => c.Series == series)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
        if (taken == 0)
        {
            // A new series: its row is created (holding the highest number in use) and the increment done again.
            // Creating it is the only step that can race with another instance; the loser's unique key violation
            // ends its transaction, and the caller's retry finds the row.
            db.ReferenceCounters.Add(new ReferenceCounter { Series = series, Last = await HighestInUseAsync(db, series, cancellationToken) + 1 });
            await db.SaveChangesAsync(cancellationToken);
        }

        var last = await db.ReferenceCounters.AsNoTracking().Where(c => c.Series == series).Select(c => c.Last).SingleAsync(cancellationToken);
        return $"{series}-{last:D6}";
    }

    private static async Task<int> HighestInUseAsync(PortalDbContext db, string series, CancellationToken cancellationToken)
    {
        var start = series + "-";
        var highest = await db.Requests
            .Where(r => r.Reference != null && r.Reference.StartsWith(start))
            .OrderByDescending(r => r.Reference)
            .Select(r => r.Reference)
            .FirstOrDefaultAsync(cancellationToken);
        return highest is null ? 0 : int.Parse(highest[start.Length..], CultureInfo.InvariantCulture);
    }
}
