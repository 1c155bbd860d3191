using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Retention;

/// <summary>
/// The one routine that erases a request's personal data everywhere it went, once the aggregate has erased its own
/// (<see cref="PrivacyRequest.PurgePersonalData"/> at the end of retention, <see cref="PrivacyRequest.Discard"/> for a
/// draft never confirmed): the text people typed on its audit events (the digests stay, so the chain still
/// verifies), the address and text of its notices once they are sent, and its stored files (documents, letters).
/// What stays is the coded record: reference, dates, statuses, decision codes, the audit chain.
/// Staff messages name references only, never a requester.
/// </summary>
public sealed class PersonalDataEraser(PortalDbContext db, DocumentVault vault)
{
    /// <summary>Erases what the request left outside itself; the aggregate's own erasure must be saved first.</summary>
    public async Task EraseAsync(Guid requestId, IEnumerable<string> storedFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedFiles);
        await EraseTextsAsync(db.AuditEvents.Where(e => e.RequestId == requestId), cancellationToken);
        await EraseNoticesAsync(db.Notices.Where(n => n.RequestId == requestId), cancellationToken);

        // The record goes first: a crash leaves an orphan encrypted file, never a record pointing at nothing.
        foreach (var storedName in storedFiles)
        {
            await vault.DeleteAsync(storedName, cancellationToken);
        }

        await CheckpointAsync(cancellationToken);
    }

    /// <summary>
    /// What an earlier erasure could not reach yet: a notice still waiting to be sent then (the "draft discarded"
    /// message goes to the person after their data is erased), or a run cut off between the record and its traces.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var erased = db.Requests.Where(r => r.PurgedAtUtc != null || r.Status == RequestStatus.Discarded).Select(r => r.Id);
        var texts = await EraseTextsAsync(db.AuditEvents.Where(e => erased.Contains(e.RequestId)), cancellationToken);
        var notices = await EraseNoticesAsync(db.Notices.Where(n => erased.Contains(n.RequestId)), cancellationToken);
        if (texts + notices > 0)
        {
            await CheckpointAsync(cancellationToken);
        }

        return texts + notices;
    }

    /// <summary>
    /// On SQLite the erased values' old pages stay in the write-ahead log until a checkpoint copies the new ones over
    /// and the log is truncated: erased must mean gone from every file, not only from what queries see.
    /// </summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (PortalDatabase.ProviderOf(db) == PortalProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
    }

    private async Task<int> EraseTextsAsync(IQueryable<Domain.Audit.AuditEvent> events, CancellationToken cancellationToken)
    {
        var typed = await events.Where(e => e.Text != null).ToListAsync(cancellationToken);
        foreach (var audit in typed)
        {
            audit.EraseText();
        }

        await db.SaveChangesAsync(cancellationToken);
        return typed.Count;
    }

    /// <summary>Sent or given-up notices lose the address, the link and any text; one still pending keeps them until sent.</summary>
    private static Task<int> EraseNoticesAsync(IQueryable<Notice> notices, CancellationToken cancellationToken) =>
        notices.Where(n => (n.SentAtUtc != null || n.FailedAtUtc != null) && (n.Recipient != Notice.ErasedRecipient || n.Detail != null || n.ProtectedLink != null || n.LastError != null))
            .ExecuteUpdateAsync(
                set => set.SetProperty(n => n.Recipient, Notice.ErasedRecipient).SetProperty(n => n.Detail, (string?)null)
                    .SetProperty(n => n.ProtectedLink, (string?)null).SetProperty(n => n.LastError, (string?)null),
                cancellationToken);
}
