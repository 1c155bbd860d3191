using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Jobs;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>
/// Once a day (a day in Japan) each chain's head (sequence, hash, time) is written to the log and kept as a
/// checkpoint. The log goes to wherever the operator archives logs; with a copy kept there, a later rewrite of the
/// chain, even one that recomputes every hash and the head, no longer matches that day's line.
/// </summary>
public sealed class AuditCheckpoints(PortalDbContext db, TimeProvider clock, IOptions<Notices.WorkerOptions> worker, ILogger<AuditCheckpoints> logger) : IPortalJob
{
    public string Name => "audit-checkpoints";

    public bool RunsAlone => true;

    public TimeSpan Cadence => worker.Value.DailyJobsCadence;

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(cancellationToken);
        return false;
    }

    /// <summary>Today's checkpoint for each chain that lacks one; returns those written.</summary>
    public async Task<IReadOnlyList<AuditCheckpoint>> WriteAsync(CancellationToken cancellationToken)
    {
        var today = JapanTime.Today(clock);
        var written = new List<AuditCheckpoint>();
        foreach (var head in await db.AuditChainHeads.AsNoTracking().OrderBy(h => h.Chain).ToListAsync(cancellationToken))
        {
            if (await db.AuditCheckpoints.AnyAsync(c => c.Chain == head.Chain && c.Day == today, cancellationToken))
            {
                continue;
            }

            var checkpoint = new AuditCheckpoint { Chain = head.Chain, Day = today, Seq = head.Seq, Hash = head.Hash, AtUtc = clock.GetUtcNow().UtcDateTime };
            db.AuditCheckpoints.Add(checkpoint);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance wrote today's checkpoint first (unique per chain and day).
                db.ChangeTracker.Clear();
                continue;
            }

            logger.LogInformation("Audit chain head {Chain} {Day}: seq {Seq} sha256 {Hash} at {AtUtc:O}", head.Chain, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), head.Seq, head.Hash, checkpoint.AtUtc);
            written.Add(checkpoint);
        }

        return written;
    }

}
