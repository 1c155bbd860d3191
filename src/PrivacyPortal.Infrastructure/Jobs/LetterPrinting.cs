using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Letters;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// Prints pending letters with Chromium, one page per core at once, and stores them encrypted. A letter and its file
/// are saved together or not at all: a file whose record could not be saved is deleted. A letter that fails (Chromium
/// missing, crashed or killed mid-print) says so on the case and is tried again later; the next letter goes on.
/// Printing is not a change of the case: the request's version stays as the officer last saw it.
/// </summary>
public sealed class LetterPrinting(
    PortalDbContext db,
    ProfileStore profiles,
    ChromiumPdfPrinter printer,
    LetterRenderer renderer,
    DocumentVault vault,
    TimeProvider clock,
    IOptions<LetterOptions> letterOptions,
    IOptions<Notices.WorkerOptions> worker,
    JobItems items,
    RowClaims claims) : IPortalJob
{
    private const int BatchSize = 10;

    public string Name => "letters";

    public TimeSpan Cadence => worker.Value.PollCadence;

    async Task<bool> IPortalJob.RunOnceAsync(CancellationToken cancellationToken)
    {
        var (printed, failed) = await RunOnceAsync(cancellationToken);
        return printed + failed >= BatchSize;
    }

    public async Task<(int Printed, int Failed)> RunOnceAsync(CancellationToken cancellationToken)
    {
        // Claimed first: another worker on the same database prints other letters, never these.
        var claimed = await claims.ClaimLettersAsync(db, BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return (0, 0);
        }

        return await claims.HoldingAsync<RequestLetter, (int, int)>(db, claimed, () => PrintClaimedAsync(claimed, cancellationToken));
    }

    private async Task<(int Printed, int Failed)> PrintClaimedAsync(IReadOnlyList<Guid> claimed, CancellationToken cancellationToken)
    {
        var due = await db.Set<RequestLetter>().AsNoTracking()
            .Where(l => claimed.Contains(l.Id))
            .OrderBy(l => l.CreatedAtUtc).Select(l => new { l.Id, RequestId = EF.Property<Guid>(l, "RequestId") })
            .ToListAsync(cancellationToken);

        // Render one after another (the context is not thread-safe), print at once, then save one after another.
        var jobs = new List<(Guid LetterId, Guid RequestId, Task<byte[]> Pdf)>();
        using var pages = new SemaphoreSlim(Math.Max(1, letterOptions.Value.PrintPages));
        foreach (var pending in due)
        {
            string html;
            try
            {
                var request = await RequestAsync(pending.RequestId, tracked: false, cancellationToken);
                html = await HtmlAsync(request, request.Letters.Single(l => l.Id == pending.Id), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                jobs.Add((pending.Id, pending.RequestId, Task.FromException<byte[]>(ex)));
                continue;
            }

            jobs.Add((pending.Id, pending.RequestId, PrintAsync(html, pages, cancellationToken)));
        }

        int printed = 0, failed = 0;
        foreach (var (letterId, requestId, pdfTask) in jobs)
        {
            Exception? printError = null;
            byte[]? pdf = null;
            try
            {
                pdf = await pdfTask;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                printError = ex;
            }

            if (pdf is not null && await items.TryAsync(Name, db, letterId, () => SaveAsync(requestId, letterId, pdf, cancellationToken), cancellationToken))
            {
                printed++;
                continue;
            }

            var error = printError ?? new InvalidOperationException("The printed letter could not be saved.");
            await items.TryAsync(Name, db, letterId, () => RecordFailureAsync(requestId, letterId, error, cancellationToken), cancellationToken);
            failed++;
        }

        return (printed, failed);
    }

    private async Task<byte[]> PrintAsync(string html, SemaphoreSlim pages, CancellationToken cancellationToken)
    {
        await pages.WaitAsync(cancellationToken);
        try
        {
            return await printer.PrintAsync(html, cancellationToken);
        }
        finally
        {
            pages.Release();
        }
    }

    /// <summary>The file first, then the record; if the record is not saved, the file goes again.</summary>
    private async Task SaveAsync(Guid requestId, Guid letterId, byte[] pdf, CancellationToken cancellationToken)
    {
        var storedName = await vault.SaveAsync(letterId, pdf, cancellationToken);
        try
        {
            var request = await RequestAsync(requestId, tracked: true, cancellationToken);
            request.LetterPrinted(letterId, storedName, Convert.ToHexStringLower(SHA256.HashData(pdf)), pdf.Length, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await vault.DeleteAsync(storedName, CancellationToken.None);
            throw;
        }
    }

    private async Task RecordFailureAsync(Guid requestId, Guid letterId, Exception error, CancellationToken cancellationToken)
    {
        var request = await RequestAsync(requestId, tracked: true, cancellationToken);
        // Playwright's messages carry a call log after the first line; the first line says what happened.
        request.LetterFailed(letterId, error.Message.Split('\n', 2)[0].Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Each letter loads its request afresh: nothing a failed letter left in the context reaches the next.</summary>
    private Task<PrivacyRequest> RequestAsync(Guid requestId, bool tracked, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var requests = tracked ? db.Requests : db.Requests.AsNoTracking();
        return requests.Include(r => r.Items).Include(r => r.Letters).Include(r => r.DisclosedFiles).AsSplitQuery().SingleAsync(r => r.Id == requestId, cancellationToken);
    }

    /// <summary>The letter's HTML from the request as decided and the profile version it was filed under.</summary>
    public async Task<string> HtmlAsync(PrivacyRequest request, RequestLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(letter);
        var profile = await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Profile {request.PolicyId} version {request.ProfileVersion} is missing.");
        var letterDate = JapanTime.DateOf(new DateTimeOffset(letter.CreatedAtUtc, TimeSpan.Zero));
        var era = letter.Language == "ja";
        var rules = DeadlineRules.For(profile.Profile);
        var reference = request.Reference ?? string.Empty;
        // The profile's rule for agents: a letter goes to the agent who filed, naming the person they act for, unless it
        // is addressed to the person (the notice of an agent's request, or an answer the profile sends to the person).
        var toAgent = request.Agent is not null && !letter.ToPerson;
        var name = toAgent ? request.Agent!.FullName : request.Requester.FullName;
        object model = letter.Kind switch
        {
            LetterKind.Acknowledgement => new AcknowledgementLetter(
                profile.Controller, profile.Profile, name, reference, letterDate,
                request.Items.Select(i => RequestType.Find(i.TypeId)).OfType<RequestType>().ToList(), request.Deadlines(rules, letterDate)[0]),
            LetterKind.FeeRequest => new FeeRequestLetter(
                profile.Controller, profile.Profile, name, reference, letterDate, new Money(request.Fee.AmountMinor ?? 0, request.Fee.Currency ?? "JPY"), request.Fee.PayBy,
                request.Fee.Basis, request.Fee.Reasons),
            LetterKind.Extension => new ExtensionLetter(
                profile.Controller, profile.Profile, name, reference, letterDate, request.ExtensionReasons ?? string.Empty,
                request.Deadlines(rules, letterDate).First(d => d.Regime == Regime.Gdpr)),
            LetterKind.Decision => DecisionLetter.For(request, profile.Controller, profile.Profile, letterDate) with { RequesterName = name, ByPost = request.IsPosted(letter) },
            LetterKind.Notice => new NoticeLetter(profile.Controller, profile.Profile, name, reference, letterDate, letter.Subject!.Value, letter.Detail)
            {
                Agent = letter.Subject == NoticeKind.AgentFiled ? request.Agent : null,
                Types = [.. request.Items.Select(i => RequestType.Find(i.TypeId)).OfType<RequestType>()],
            },
        };
        var to = request.AddresseeOf(letter);
        return await renderer.RenderAsync(
            model, letter.Language, era, request.IsPosted(letter) ? new PostalAddressee(to.Name, to.PostalCode, to.Address) : null, toAgent ? request.Requester.FullName : null);
    }
}
