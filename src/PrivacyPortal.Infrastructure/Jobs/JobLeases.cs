using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// A whole-table job (housekeeping, retention, digests) runs on one worker at a time: the worker takes the job's
/// lease row for the run and gives it back after. Taking it is one conditional UPDATE (free, expired, or already
/// this worker's), which the database serialises on the row; the first worker ever inserts it. A worker that dies
/// mid-run holds the lease until it expires, then another takes over.
/// </summary>
public sealed class JobLeases(PortalDbContext db, RowClaims claims, IOptions<WorkerOptions> options, TimeProvider clock)
{
    /// <summary>Runs the work under the job's lease; false (nothing more to do) when another worker holds it.</summary>
    public async Task<bool> RunAloneAsync(string job, Func<Task<bool>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await TryTakeAsync(job, cancellationToken))
        {
            return false;
        }

        try
        {
            return await work();
        }
        finally
        {
            var holder = claims.Holder;
            var now = clock.GetUtcNow().UtcDateTime;
            await db.JobLeases.Where(l => l.Name == job && l.Holder == holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UntilUtc, now), CancellationToken.None);
        }
    }

    public async Task<bool> TryTakeAsync(string job, CancellationToken cancellationToken)
    {
        var holder = claims.Holder;
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.ClaimLease;
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.UntilUtc <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.UntilUtc, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == job, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = job, Holder = holder, UntilUtc = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another worker inserted it first: theirs for this run.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
