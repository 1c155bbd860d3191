using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// Unconfirmed drafts: one reminder with a new confirmation link after 24 hours; after 7 days the draft is
/// discarded, its personal data erased and its documents deleted. Idempotent: each draft is handled once per stage.
/// </summary>
public sealed class DraftHousekeeping(PortalDbContext db, NoticeLinks links, IPortalPaths paths, Retention.PersonalDataEraser eraser, TimeProvider clock, IOptions<PortalOptions> portal, IOptions<Notices.WorkerOptions> worker, JobItems items) : IPortalJob
{
    private const int BatchSize = 50;

    public string Name => "drafts";

    public bool RunsAlone => true;

    public TimeSpan Cadence => worker.Value.PollCadence;

    async Task<bool> IPortalJob.RunOnceAsync(CancellationToken cancellationToken)
    {
        var (reminded, discarded) = await RunOnceAsync(cancellationToken);
        return reminded >= BatchSize || discarded >= BatchSize;
    }

    public async Task<(int Reminded, int Discarded)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var discardBefore = now - PrivacyRequest.DraftLifetime;
        var remindBefore = now - PrivacyRequest.ReminderAfter;

        var stale = await db.Requests.Include(r => r.Items).Include(r => r.Documents)
            .Where(r => r.Status == RequestStatus.Draft && r.CreatedAtUtc <= discardBefore)
            .OrderBy(r => r.CreatedAtUtc).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var draft in stale.Where(d => d.DueForDiscard(now)))
        {
            await items.TryAsync(Name, db, draft.Id, async () =>
            {
                var documents = draft.Discard(now);
                await db.SaveChangesAsync(cancellationToken);
                await eraser.EraseAsync(draft.Id, documents.Select(d => d.StoredName), cancellationToken);
            }, cancellationToken);
        }

        var waiting = await db.Requests
            .Where(r => r.Status == RequestStatus.Draft && r.ConfirmationRemindedAtUtc == null && r.CreatedAtUtc <= remindBefore && r.CreatedAtUtc > discardBefore)
            .OrderBy(r => r.CreatedAtUtc).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var draft in waiting.Where(d => d.DueForReminder(now)))
        {
            await items.TryAsync(Name, db, draft.Id, async () =>
            {
                var token = SecretTokens.New();
                draft.RemindToConfirm(new IssuedSecret(SecretTokens.Hash(token), links.Protect(portal.Value.JobsBaseUrl + paths.Confirm(token))), now);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }

        return (waiting.Count, stale.Count);
    }
}
