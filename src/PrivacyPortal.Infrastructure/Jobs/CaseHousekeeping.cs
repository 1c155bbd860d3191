using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// Received requests: an unpaid fee past its window ends the request where the policy says it is then deemed not
/// made; identity documents are deleted once identity is verified, unless the profile keeps them; completed requests
/// are erased at the end of their retention. Each job selects only requests whose profile version calls for it, so
/// requests it must leave alone never fill its batch. Idempotent: a request handled once no longer matches.
/// </summary>
public sealed class CaseHousekeeping(PortalDbContext db, ProfileStore profiles, DocumentVault vault, Retention.PersonalDataEraser eraser, TimeProvider clock, IOptions<Notices.WorkerOptions> worker, JobItems items) : IPortalJob
{
    private const int BatchSize = 50;

    public string Name => "cases";

    public bool RunsAlone => true;

    public TimeSpan Cadence => worker.Value.PollCadence;

    async Task<bool> IPortalJob.RunOnceAsync(CancellationToken cancellationToken)
    {
        var (expired, purged) = await RunOnceAsync(cancellationToken);
        return expired >= BatchSize || purged >= BatchSize;
    }

    /// <summary>
    /// Retention: a completed request whose profile publishes a retention period is erased (personal data, documents,
    /// letters, notes) once the period has run, unless it is on legal hold. A policy that publishes no period keeps
    /// its records until one is set in the profile.
    /// </summary>
    public async Task<int> PurgeExpiredRecordsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var purged = 0;
        foreach (var version in (await profiles.AllVersionsAsync(cancellationToken)).Where(v => v.Profile.Retention.Status == PublicationStatus.Published))
        {
            // Under one profile version the disposal date grows with the completion date: the oldest first, and
            // the first one not yet due ends this version's turn.
            var completed = await db.Requests.Include(r => r.Items).Include(r => r.Documents).Include(r => r.Letters).Include(r => r.Notes).Include(r => r.DisclosedFiles).AsSplitQuery()
                .Where(r => r.PolicyId == version.PolicyId && r.ProfileVersion == version.Version && r.CompletedAtUtc != null && r.PurgedAtUtc == null && !r.LegalHold)
                .OrderBy(r => r.CompletedAtUtc).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var request in completed)
            {
                if (!request.RetentionEnded(version.Profile, now))
                {
                    break;
                }

                if (await items.TryAsync(RetentionPurge.JobName, db, request.Id, async () =>
                {
                    var (documents, letters, disclosed) = request.PurgePersonalData(version.Profile, now);
                    await db.SaveChangesAsync(cancellationToken);
                    await eraser.EraseAsync(request.Id, documents.Select(d => d.StoredName).Concat(letters.Select(l => l.StoredName).OfType<string>()).Concat(disclosed), cancellationToken);
                }, cancellationToken))
                {
                    purged++;
                }
            }
        }

        return purged;
    }

    public async Task<(int Expired, int Purged)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.DateOf(clock.GetUtcNow());
        var versions = await profiles.AllVersionsAsync(cancellationToken);

        var expired = 0;
        var deeming = Keys(versions, p => p.Fees.Any(f => f.Payment.WhenUnpaid == "deemed-not-made"));
        // ProfileVersion.ToString() is translated to SQL (an integer cast to text), where no culture applies.
#pragma warning disable CA1305
        var unpaid = await db.Requests.Include(r => r.Items)
            .Where(r => deeming.Contains(r.PolicyId + ":" + r.ProfileVersion.ToString()))
            .Where(r => r.Status == RequestStatus.AwaitingFee && r.Fee.PayBy != null && r.Fee.PayBy < today)
            .OrderBy(r => r.Fee.PayBy).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var request in unpaid)
        {
            var profile = ProfileOf(versions, request);
            if (!request.FeeExpires(profile, today))
            {
                // This request's fee schedule does not end it: the officer decides or the requester withdraws.
                continue;
            }

            if (await items.TryAsync(Name, db, request.Id, async () =>
            {
                request.ExpireFee("system", profile, now);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken))
            {
                expired++;
            }
        }

        var purged = 0;
        var discarding = Keys(versions, p => !p.Identity.KeepDocumentImagesAfterVerification);
        var verified = await db.Requests.Include(r => r.Documents)
            .Where(r => discarding.Contains(r.PolicyId + ":" + r.ProfileVersion.ToString()))
            .Where(r => r.IdentityVerifiedAtUtc != null && r.Documents.Any())
            .OrderBy(r => r.IdentityVerifiedAtUtc).Take(BatchSize).ToListAsync(cancellationToken);
#pragma warning restore CA1305
        foreach (var request in verified)
        {
            // An officer saving the case meanwhile makes this a concurrency failure: the next run tries again.
            await items.TryAsync(Name, db, request.Id, async () =>
            {
                var documents = request.PurgeIdentityDocuments(ProfileOf(versions, request), now);
                await db.SaveChangesAsync(cancellationToken);
                await DeleteFilesAsync(documents.Select(d => d.StoredName), cancellationToken);
                purged += documents.Count;
            }, cancellationToken);
        }

        // The disclosed data's download period is over: the files go, the record of what was delivered stays.
        var delivered = await db.Requests.Include(r => r.DisclosedFiles)
            .Where(r => r.DeliveryEndsOn != null && r.DeliveryEndsOn < today && r.DisclosedFilesDeletedAtUtc == null)
            .OrderBy(r => r.DeliveryEndsOn).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var request in delivered)
        {
            await items.TryAsync(Name, db, request.Id, async () =>
            {
                var files = request.ExpireDisclosedFiles(now);
                await db.SaveChangesAsync(cancellationToken);
                await DeleteFilesAsync(files, cancellationToken);
                purged += files.Count;
            }, cancellationToken);
        }

        return (expired, purged);
    }

    private static ProcedureProfile ProfileOf(IReadOnlyList<CurrentProfile> versions, PrivacyRequest request) =>
        versions.Single(v => v.PolicyId == request.PolicyId && v.Version == request.ProfileVersion).Profile;

    /// <summary>"policy:version" of every profile version the predicate holds for.</summary>
    private static List<string> Keys(IReadOnlyList<CurrentProfile> versions, Func<ProcedureProfile, bool> predicate) =>
        versions.Where(v => predicate(v.Profile)).Select(v => $"{v.PolicyId}:{v.Version}").ToList();

    /// <summary>The record goes first: a crash leaves an orphan encrypted file, never a record pointing at nothing.</summary>
    private async Task DeleteFilesAsync(IEnumerable<string> storedNames, CancellationToken cancellationToken)
    {
        foreach (var storedName in storedNames)
        {
            await vault.DeleteAsync(storedName, cancellationToken);
        }
    }
}

/// <summary>The retention purge as a job of its own: it changes at most daily, so it runs on the daily cadence.</summary>
public sealed class RetentionPurge(CaseHousekeeping cases, Retention.PersonalDataEraser eraser, IOptions<Notices.WorkerOptions> worker) : IPortalJob
{
    public const string JobName = "retention";

    public string Name => JobName;

    public bool RunsAlone => true;

    public TimeSpan Cadence => worker.Value.DailyJobsCadence;

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await cases.PurgeExpiredRecordsAsync(cancellationToken);
        await eraser.SweepAsync(cancellationToken);
        return false;
    }
}
