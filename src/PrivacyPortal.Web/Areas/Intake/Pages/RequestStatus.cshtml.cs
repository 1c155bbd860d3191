using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Verification;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

public enum DeadLink
{
    Unknown,
    Ended,
    Erased,
}

/// <summary>
/// The requester's page, reached only through the secret link: where the request stands, what it waits for and
/// from whom, when it is due and why, the fee, the documents given; add documents, withdraw.
/// </summary>
[RequestSizeLimit(RequestStatusModel.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestStatusModel.MaxUploadRequestBytes)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.AbuseProtection.StatusPolicy)]
public sealed class RequestStatusModel(PortalDbContext db, ProfileStore profiles, TimeProvider clock, DocumentVault vault, IStringLocalizer text) : PageModel
{
    /// <summary>A 10 MB file plus the form around it; anything larger is refused before it is read.</summary>
    public const long MaxUploadRequestBytes = RequestDocument.MaxBytes + (1024 * 1024);

    public PrivacyRequest Filed { get; private set; } = null!;

    public CurrentProfile Profile { get; private set; } = null!;

    public IReadOnlyList<Deadline> Deadlines { get; private set; } = [];

    /// <summary>What the officer said is missing, while the request waits for identity documents.</summary>
    public string? MoreNeeded { get; private set; }

    public IReadOnlyList<DecisionGround> Grounds { get; private set; } = [];

    /// <summary>Where the requester can turn, for the items not fully granted; empty when everything was.</summary>
    public IReadOnlyList<ComplaintRoute> ComplaintRoutes { get; private set; } = [];

    public FeeQuote Fee { get; private set; } = FeeQuote.None;

    public bool LinkWorks { get; private set; }

    /// <summary>Why a link does not work, when it is known; the page says so and offers a new link.</summary>
    public DeadLink Dead { get; private set; }

    /// <summary>For <see cref="DeadLink.Ended"/>: the day the link stopped working.</summary>
    public DateOnly? DeadSince { get; private set; }

    public string? UploadError { get; private set; }

    public string? WithdrawError { get; private set; }

    public string? DataError { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The letters the requester may read: every printed one, and the answer once the officer has sent it; never a
    /// letter addressed to the person an agent filed for (the agent holds this link).
    /// </summary>
    public IEnumerable<RequestLetter> ReadableLetters =>
        Filed.Letters.Where(l => l.Status == LetterStatus.Ready && !l.ToPerson
            && (l.Kind != LetterKind.Decision || (l == Filed.DecisionLetter && Filed.Status is RequestStatus.Answered or RequestStatus.Closed)));

    /// <summary>A letter of this request, behind the same secret link; without an id, the answer letter.</summary>
    public async Task<IActionResult> OnGetLetterAsync(string token, Guid? letter, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }

        var chosen = ReadableLetters.FirstOrDefault(l => letter is { } id ? l.Id == id : l.Kind == LetterKind.Decision);
        if (chosen is not { StoredName: { } stored })
        {
            return NotFound();
        }

        var pdf = await vault.ReadAsync(chosen.Id, stored, cancellationToken);
        Response.Headers.ContentDisposition = $"attachment; filename=\"{Filed.Reference}-{chosen.Kind.ToString().ToLowerInvariant()}.pdf\"";
        return File(pdf, "application/pdf");
    }

    /// <summary>One file of the disclosed data, while the download period lasts; each download is on the record.</summary>
    public async Task<IActionResult> OnGetDataAsync(string token, Guid file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken) || Filed.DisclosedFiles.All(f => f.Id != file))
        {
            return NotFound();
        }

        DisclosedFile delivered;
        try
        {
            delivered = Filed.RecordDownload(file, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException)
        {
            DataError = text["RequestStatus.DataEnded"].Value;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        var bytes = await vault.ReadAsync(delivered.Id, delivered.StoredName, cancellationToken);
        return File(bytes, delivered.ContentType, Hosting.FileNames.Clean(delivered.FileName, "data"));
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string token, IFormFile? file, string? party, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return Page();
        }

        UploadError = CheckUpload(file);
        if (UploadError is not null)
        {
            return Page();
        }

        await using var stream = file!.OpenReadStream();
        var bytes = new byte[file.Length];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        var contentType = DocumentFileType.Detect(bytes);
        if (contentType is null)
        {
            UploadError = text["Upload.WrongType", SafeName(file.FileName)];
            return Page();
        }

        var documentId = Guid.NewGuid();
        var storedName = await vault.SaveAsync(documentId, bytes, cancellationToken);
        var document = new RequestDocument(
            documentId,
            party == "agent" && Filed.Agent is not null ? DocumentParty.Agent : DocumentParty.Requester,
            SafeName(file.FileName),
            contentType,
            bytes.Length,
            storedName,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            clock.GetUtcNow().UtcDateTime);
        try
        {
            Filed.AddDocument(document, DeadlineRules.For(Profile.Profile), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
        {
            // Nothing half-stored: the encrypted file goes too.
            await vault.DeleteAsync(storedName, CancellationToken.None);
            UploadError = ex is DomainException refused ? text["Upload.Refused", Localization.RuleText.Explain(text, refused)] : text["Form.ChangedMeanwhile"];
            return Page();
        }

        return Redirect(Hosting.PortalRoutes.Instance.Status(token) + "?uploaded=1#documents");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string token, bool confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return Page();
        }

        if (!confirm)
        {
            WithdrawError = text["Withdraw.ConfirmRequired"];
            return Page();
        }

        try
        {
            Filed.Withdraw("requester", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
        {
            WithdrawError = ex is DomainException refused ? Localization.RuleText.Explain(text, refused) : text["Form.ChangedMeanwhile"];
            return Page();
        }

        return Redirect(Hosting.PortalRoutes.Instance.Status(token) + "?withdrawn=1");
    }

    private string? CheckUpload(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return text["Upload.Missing"].Value;
        }

        if (file.Length > RequestDocument.MaxBytes)
        {
            return text["Upload.TooLarge", SafeName(file.FileName), RequestDocument.MaxBytes / (1024 * 1024)].Value;
        }

        return Filed.Documents.Count >= PrivacyRequest.MaxDocuments ? text["Upload.TooMany", PrivacyRequest.MaxDocuments].Value : null;
    }

    /// <summary>The name without any path, control characters or excess length: it is only shown back to people.</summary>
    public static string SafeName(string? name) => Hosting.FileNames.Clean(name);

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        // The token is the key to personal data: never cached, never sent on as a referrer.
        Response.Headers.CacheControl = "no-store";
        LinkWorks = false;
        if (!SecretTokens.LooksValid(token))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var hash = SecretTokens.Hash(token);
        var filed = await db.Requests.Include(r => r.Items).Include(r => r.Documents).Include(r => r.Letters).Include(r => r.DisclosedFiles).AsSplitQuery().SingleOrDefaultAsync(r => r.StatusTokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (filed is null || filed.StatusLinkExpired(now))
        {
            // A replaced link matches no request, so it reads as unknown: the page lists replacement among the reasons.
            Dead = filed is null ? DeadLink.Unknown : filed.PurgedAtUtc is not null ? DeadLink.Erased : filed.Status == RequestStatus.Draft ? DeadLink.Unknown : DeadLink.Ended;
            DeadSince = Dead == DeadLink.Ended && filed!.StatusLinkExpiresAtUtc is { } expires ? JapanTime.DateOf(new DateTimeOffset(expires, TimeSpan.Zero)) : null;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var profile = await profiles.FindVersionAsync(filed.PolicyId, filed.ProfileVersion, cancellationToken);
        if (profile is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Filed = filed;
        Profile = profile;
        Deadlines = filed.Deadlines(DeadlineRules.For(profile.Profile), JapanTime.Today(clock));
        Fee = FeeQuote.For(profile.Profile, filed.Items.Select(i => i.TypeId));
        if (filed.Status == RequestStatus.AwaitingIdentity)
        {
            MoreNeeded = await db.AuditEvents.Where(e => e.RequestId == filed.Id && e.Action == "identity-more-needed")
                .OrderByDescending(e => e.Seq).Select(e => e.Text == null ? null : e.Text.Value).FirstOrDefaultAsync(cancellationToken);
        }

        Grounds = DecisionGround.Cited(profile.Profile, filed.Items.Select(i => i.TypeId));
        ComplaintRoutes = PrivacyPortal.Domain.Controllers.ComplaintRoutes.For(profile.Profile, filed.Items.Where(i => filed.DecisionOf(i) is { Outcome: not DecisionOutcome.Fulfilled }).Select(i => i.TypeId));
        LinkWorks = true;
        return true;
    }
}
