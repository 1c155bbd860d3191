using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>
/// Sends pending notices from the outbox, oldest first. Each notice is marked sent in its own SaveChanges right
/// after it goes out, and the next message's data is held back until that save has committed (its envelope goes out
/// meanwhile), so a crash resends at most the one message in flight, with the same Message-ID. Failures back off
/// and are given up after <see cref="WorkerOptions.MaxAttempts"/>. Every send and every give-up is audited.
/// </summary>
public sealed class NoticeDispatcher(
    PortalDbContext db,
    IMailSender sender,
    NoticeComposer composer,
    NoticeLinks links,
    ProfileStore profiles,
    Storage.DocumentVault vault,
    TimeProvider clock,
    IOptions<WorkerOptions> options,
    IServiceScopeFactory scopes,
    Jobs.RowClaims claims,
    ILogger<NoticeDispatcher> logger) : Jobs.IPortalJob
{
    public string Name => "notices";

    public TimeSpan Cadence => options.Value.PollCadence;

    /// <summary>A full batch means more are waiting: the host runs the job again at once.</summary>
    async Task<bool> Jobs.IPortalJob.RunOnceAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) >= options.Value.BatchSize;

    /// <summary>Sends one batch; returns how many notices went out.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // Claimed first: another worker on the same database sends other notices, never these.
        var claimed = await claims.ClaimNoticesAsync(db, options.Value.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return await SendStaffMessagesAsync(null, cancellationToken);
        }

        return await claims.HoldingAsync<Domain.Notices.Notice, int>(db, claimed, () => SendClaimedAsync(claimed, cancellationToken));
    }

    private async Task<int> SendClaimedAsync(IReadOnlyList<Guid> claimed, CancellationToken cancellationToken)
    {
        // Read untracked; each record attaches its one notice, so a save looks at one notice and one audit event.
        var batch = await db.Notices.AsNoTracking()
            .Where(n => claimed.Contains(n.Id))
            .OrderBy(n => n.CreatedAtUtc)
            .ToListAsync(cancellationToken);

        // One database connection and one SMTP connection for the whole batch (and the staff messages after it).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var companies = await CompaniesAsync(batch.Select(n => n.RequestId).Distinct().ToList(), cancellationToken);
        var sent = 0;
        await using var session = sender.OpenSession();
        // Records are saved through a context of their own, on another thread, while the next notice is composed and
        // its envelope sent: the SMTP round trips hide the commit. The next message's data waits for it (dataAfter).
        await using var writerScope = scopes.CreateAsyncScope();
        var writer = writerScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await writer.Database.OpenConnectionAsync(cancellationToken);
        var recorded = Task.CompletedTask;
        var next = await PrepareAsync(batch[0], companies, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (notice, message, failure) = next;
            using (message)
            {
                var sending = message is null ? Task.CompletedTask : session.SendAsync(message, recorded, cancellationToken);
                // The next message is composed while this one travels.
                next = i + 1 < batch.Count ? await PrepareAsync(batch[i + 1], companies, cancellationToken) : default;
                try
                {
                    await sending;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Whatever went wrong with this notice (server, address), the next one is tried.
                    failure = ex;
                }
            }

            // The previous notice's record: saved by now, or its failure ends the run here, as a failed save always has.
            await recorded;
            if (failure is null)
            {
                sent++;
                recorded = Task.Run(() => RecordAsync(writer, notice, null, cancellationToken), CancellationToken.None);
            }
            else
            {
                logger.LogWarning("Notice {NoticeId} ({Kind}) attempt {Attempt} failed: {Error}", notice.Id, notice.Kind, notice.Attempts + 1, failure.Message);
                await RecordAsync(writer, notice, failure, cancellationToken);
            }
        }

        await recorded;
        return sent + await SendStaffMessagesAsync(session, cancellationToken);
    }

    /// <summary>The notice as an email in its language, or why it cannot be one (its link key, its letter file).</summary>
    private async Task<(Domain.Notices.Notice Notice, MimeKit.MimeMessage? Message, Exception? Failure)> PrepareAsync(
        Domain.Notices.Notice notice, Dictionary<Guid, NoticeCompany> companies, CancellationToken cancellationToken)
    {
        try
        {
            var link = notice.ProtectedLink is null ? null : links.Unprotect(notice.ProtectedLink);
            return (notice, composer.Compose(notice, link, companies[notice.RequestId].Name, await LetterAsync(notice, cancellationToken), companies[notice.RequestId].Profile), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (notice, null, ex);
        }
    }

    /// <summary>Marks a notice sent, or its attempt failed (given up after the last), with its audit event, in one save.</summary>
    private async Task RecordAsync(PortalDbContext writer, Domain.Notices.Notice notice, Exception? failure, CancellationToken cancellationToken)
    {
        writer.ChangeTracker.Clear();
        writer.Notices.Attach(notice);
        var now = clock.GetUtcNow().UtcDateTime;
        if (failure is null)
        {
            notice.MarkSent(now);
            writer.AuditEvents.Add(new AuditEvent(notice.RequestId, now, "system", "notice-sent", null, null, AuditDetail.Of("notice", notice.Kind, notice.MessageId).ToJson()));
        }
        else
        {
            notice.MarkAttemptFailed(failure.Message, now, options.Value.MaxAttempts);
            if (notice.FailedAtUtc is not null)
            {
                // The server's answer can quote the address it refused: personal text, kept off the chain.
                writer.AuditEvents.Add(new AuditEvent(notice.RequestId, now, "system", "notice-failed", null, null, AuditDetail.Of("notice", notice.Kind, notice.MessageId).ToJson(), notice.LastError));
            }
        }

        await writer.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Digests and escalations to staff, with the same back-off and give-up as notices; each send is on the administration trail.</summary>
    private async Task<int> SendStaffMessagesAsync(IMailSession? batchSession, CancellationToken cancellationToken)
    {
        var claimed = await claims.ClaimStaffMessagesAsync(db, options.Value.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        return await claims.HoldingAsync<StaffMessage, int>(db, claimed, () => SendClaimedStaffMessagesAsync(batchSession, claimed, cancellationToken));
    }

    private async Task<int> SendClaimedStaffMessagesAsync(IMailSession? batchSession, IReadOnlyList<Guid> claimed, CancellationToken cancellationToken)
    {
        var batch = await db.StaffMessages.Where(m => claimed.Contains(m.Id)).OrderBy(m => m.CreatedAtUtc).ToListAsync(cancellationToken);

        // The notices' connection when there were notices, else one of its own.
        await using var own = batchSession is null ? sender.OpenSession() : null;
        var session = batchSession ?? own!;
        var sent = 0;
        foreach (var staffMessage in batch)
        {
            try
            {
                using var message = composer.ComposeStaff(staffMessage);
                await session.SendAsync(message, cancellationToken);
                staffMessage.MarkSent(clock.GetUtcNow().UtcDateTime);
                db.AdminAuditEvents.Add(new Staff.AdminAuditEvent { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = "system", Action = "staff-message-sent", Subject = staffMessage.Recipient, Detail = $"{staffMessage.Key} {staffMessage.MessageId}" });
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                staffMessage.MarkAttemptFailed(ex.Message, clock.GetUtcNow().UtcDateTime, options.Value.MaxAttempts);
                logger.LogWarning("Staff message {Key} attempt {Attempt} failed: {Error}", staffMessage.Key, staffMessage.Attempts, ex.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>The decision email carries its letter: the notice's detail names it (PrivacyRequest.SendAnswer).</summary>
    private async Task<MailAttachment?> LetterAsync(Domain.Notices.Notice notice, CancellationToken cancellationToken)
    {
        if (notice.Kind != Domain.Notices.NoticeKind.DecisionAvailable || !Guid.TryParse(notice.Detail, out var letterId))
        {
            return null;
        }

        var letter = await db.Set<Domain.Requests.RequestLetter>().AsNoTracking().SingleAsync(l => l.Id == letterId, cancellationToken);
        var pdf = await vault.ReadAsync(letter.Id, letter.StoredName!, cancellationToken);
        return new MailAttachment($"{notice.Reference ?? "letter"}.pdf", "application", "pdf", pdf);
    }

    /// <summary>Each request's company name under the profile version it was filed under: one query, each version read once.</summary>
    private async Task<Dictionary<Guid, NoticeCompany>> CompaniesAsync(List<Guid> requestIds, CancellationToken cancellationToken)
    {
        var requests = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .Select(r => new { r.Id, r.PolicyId, r.ProfileVersion }).ToListAsync(cancellationToken);
        var names = new Dictionary<(string, int), NoticeCompany>();
        var byRequest = new Dictionary<Guid, NoticeCompany>();
        foreach (var request in requests)
        {
            if (!names.TryGetValue((request.PolicyId, request.ProfileVersion), out var name))
            {
                var profile = await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, cancellationToken);
                name = new NoticeCompany(profile?.Controller.Name ?? LocalizedText.Of(request.PolicyId, request.PolicyId), profile?.Profile);
                names[(request.PolicyId, request.ProfileVersion)] = name;
            }

            byRequest[request.Id] = name;
        }

        return byRequest;
    }
}

/// <summary>The company a notice speaks for: its name, and the profile version the request was filed under (fee terms).</summary>
public sealed record NoticeCompany(LocalizedText Name, Domain.Controllers.ProcedureProfile? Profile);
