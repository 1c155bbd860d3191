using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// Received requests: an unpaid fee past its window ends the request where the policy says it is then deemed not
/// made; identity documents are deleted once identity is verified, unless the profile keeps them. Idempotent: a
/// request handled once no longer matches.
/// </summary>
public sealed class CaseHousekeeping(PortalDbContext db, ProfileStore profiles, DocumentVault vault, TimeProvider clock)
{
    private const int BatchSize = 50;

    public async Task<(int Expired, int Purged)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.DateOf(clock.GetUtcNow());
        var expired = 0;
        var unpaid = await db.Requests.Include(r => r.Items)
            .Where(r => r.Status == RequestStatus.AwaitingFee && r.Fee.PayBy != null && r.Fee.PayBy < today)
            .OrderBy(r => r.Fee.PayBy).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var request in unpaid)
        {
            var profile = await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, cancellationToken);
            if (profile is null || !FeeQuote.For(profile.Profile, request.Items.Select(i => i.TypeId)).UnpaidMeansDeemedNotMade)
            {
                // The policy does not end the request: the officer decides or the requester withdraws.
                continue;
            }

            request.ExpireFee("system", deemedNotMade: true, now);
            await db.SaveChangesAsync(cancellationToken);
            expired++;
        }

        var purged = 0;
        var verified = await db.Requests.Include(r => r.Documents)
            .Where(r => r.IdentityVerifiedAtUtc != null && r.Documents.Any())
            .OrderBy(r => r.IdentityVerifiedAtUtc).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var request in verified)
        {
            var profile = await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, cancellationToken);
            if (profile is null || profile.Profile.Identity.KeepDocumentImagesAfterVerification)
            {
                continue;
            }

            var documents = request.PurgeIdentityDocuments(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An officer saved the case meanwhile; the next run tries again.
                db.ChangeTracker.Clear();
                continue;
            }

            // The record goes first: a crash leaves an orphan encrypted file, never a record pointing at nothing.
            foreach (var document in documents)
            {
                File.Delete(vault.PathOf(document.StoredName));
            }

            purged += documents.Count;
        }

        return (expired, purged);
    }
}
