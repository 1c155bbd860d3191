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

    /// <summary>
    /// Retention: a completed request whose profile publishes a retention period is erased (personal data, documents,
    /// letters, notes) once the period has run, unless it is on legal hold. A policy that publishes no period keeps
    /// its records until one is set in the profile.
    /// </summary>
    public async Task<int> PurgeExpiredRecordsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.DateOf(clock.GetUtcNow());
        var completed = await db.Requests.Include(r => r.Items).Include(r => r.Documents).Include(r => r.Letters).Include(r => r.Notes).AsSplitQuery()
            .Where(r => r.CompletedAtUtc != null && r.PurgedAtUtc == null && !r.LegalHold)
            .OrderBy(r => r.CompletedAtUtc).Take(BatchSize).ToListAsync(cancellationToken);
        var purged = 0;
        foreach (var request in completed)
        {
            var profile = await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, cancellationToken);
            var completedOn = JapanTime.DateOf(new DateTimeOffset(request.CompletedAtUtc!.Value, TimeSpan.Zero));
            if (profile is null || Domain.Retention.RetentionPeriod.For(profile.Profile.Retention, completedOn) is not { } period || today < period.DisposeFrom)
            {
                continue;
            }

            var (documents, letters) = request.PurgePersonalData(now);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var storedName in documents.Select(d => d.StoredName).Concat(letters.Select(l => l.StoredName).OfType<string>()))
            {
                File.Delete(vault.PathOf(storedName));
            }

            purged++;
        }

        return purged;
    }

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
