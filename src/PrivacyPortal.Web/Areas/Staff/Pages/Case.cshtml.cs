using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Cases;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>
/// One case: everything about the request, and every officer action as a form. Each action posts the version the
/// officer saw; if the case changed since, nothing is saved and the officer is told.
/// </summary>
[RequestSizeLimit(MaxAttachRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxAttachRequestBytes)]
public sealed class CaseModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text, DocumentVault vault) : StaffPage
{
    public PrivacyRequest Case { get; private set; } = null!;

    public ProcedureProfile Profile { get; private set; } = null!;

    public StaffScope Scope { get; private set; } = null!;

    public IReadOnlyList<Deadline> Deadlines { get; private set; } = [];

    public FeeQuote Quote { get; private set; } = FeeQuote.None;

    /// <summary>Every ground the request's decision can show, retired ones included.</summary>
    public IReadOnlyList<DecisionGround> CitedGrounds { get; private set; } = [];

    /// <summary>
    /// GDPR Art. 12(4): past the first month a decision not to act can no longer be notified; the end of that month
    /// when it has passed on an open GDPR request, else null.
    /// </summary>
    public DateOnly? LateForGdprRefusal { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Officers { get; private set; } = [];

    public bool CanWork { get; private set; }

    public bool ContactRevealed { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool reveal, string? done)
    {
        var denied = await LoadAsync(id);
        if (denied is not null)
        {
            return denied;
        }

        // Every staff read of personal data is on the record.
        ContactRevealed = reveal;
        Case.RecordRead(Scope.Actor, reveal ? "case with contact details" : "case", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        Done = done is { Length: <= 40 } && done.All(c => char.IsAsciiLetterLower(c) || c == '-') ? done : null;
        return Page();
    }

    public Task<IActionResult> OnPostVerifyAsync(Guid id, int version, string? documentKind, bool nameMatches, bool addressMatches, bool currentAndValid, bool masked, bool agentAuthority) =>
        ActAsync(id, version, "identity-verified", (r, now) => r.VerifyIdentity(
            Scope.Actor, new IdentityCheck(documentKind ?? string.Empty, nameMatches, addressMatches, currentAndValid, masked, r.Agent is null ? null : agentAuthority), Profile, Rules, now));

    public Task<IActionResult> OnPostRefuseIdentityAsync(Guid id, int version, string? reasons) =>
        ActAsync(id, version, "refused-identity-not-confirmed", (r, now) => r.RefuseUnconfirmedIdentity(Scope.Actor, reasons ?? string.Empty, Rules, now));

    public Task<IActionResult> OnPostMoreNeededAsync(Guid id, int version, string? reason) =>
        ActAsync(id, version, "identity-more-needed", (r, now) => r.RequestMoreIdentity(Scope.Actor, reason ?? string.Empty, Rules, now));

    public Task<IActionResult> OnPostRequestFeeAsync(Guid id, int version, string? payBy) =>
        ActAsync(id, version, "fee-requested", (r, now) =>
        {
            DateOnly? designated = null;
            if (!string.IsNullOrEmpty(payBy))
            {
                designated = DateOnly.TryParseExact(payBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new DomainException("fee.pay-by", "Enter the last day to pay as a date.");
            }

            r.RequestFee(Scope.Actor, FeeQuote.For(Profile, r.Items.Select(i => i.TypeId)), Rules, now, designated);
        });

    /// <summary>A fee the officer sets, in yen, with its basis, last day and reasons.</summary>
    public Task<IActionResult> OnPostSetFeeAsync(Guid id, int version, string? basis, string? amount, string? payBy, string? reasons) =>
        ActAsync(id, version, "fee-set", (r, now) =>
        {
            if (!long.TryParse(amount?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var yen) || yen > 10_000_000)
            {
                throw new DomainException("fee.amount", "Enter an amount above zero.");
            }

            if (!DateOnly.TryParseExact(payBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
            {
                throw new DomainException("fee.pay-by", "Enter the last day to pay as a date.");
            }

            r.SetFee(Scope.Actor, basis ?? string.Empty, new Money(yen, "JPY"), reasons ?? string.Empty, last, Profile, Rules, now);
        });

    public Task<IActionResult> OnPostPaymentAsync(Guid id, int version, string? method, string? paidOn, string? receipt) =>
        ActAsync(id, version, "fee-paid", (r, now) =>
        {
            if (!DateOnly.TryParseExact(paidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new DomainException("fee.paid-on", "Enter the payment date.");
            }

            r.RecordPayment(Scope.Actor, method ?? string.Empty, date, receipt ?? string.Empty, Rules, now);
        });

    public Task<IActionResult> OnPostWaiveAsync(Guid id, int version, string? reason) =>
        ActAsync(id, version, "fee-waived", (r, now) => r.WaiveFee(Scope.Actor, reason ?? string.Empty, Rules, now));

    public Task<IActionResult> OnPostExpireAsync(Guid id, int version) =>
        ActAsync(id, version, "fee-expired", (r, now) => r.ExpireFee(Scope.Actor, FeeQuote.For(Profile, r.Items.Select(i => i.TypeId)).UnpaidMeansDeemedNotMade, now));

    /// <summary>Decides one item; a request of one type, or with one item left, needs no item named.</summary>
    public Task<IActionResult> OnPostDecideAsync(Guid id, int version, string? item, string? outcome, string[]? grounds, string? reasons, string? changes, string? method, string? methodReasons) =>
        ActAsync(id, version, "decided", (r, now) =>
        {
            if (!Enum.TryParse<DecisionOutcome>(outcome, out var chosen) || !Enum.IsDefined(chosen))
            {
                throw new DomainException("decide.outcome", "Choose the decision.");
            }

            var undecided = r.UndecidedItems();
            var typeId = string.IsNullOrEmpty(item) && undecided.Count == 1 ? undecided[0].TypeId : item ?? string.Empty;
            r.Decide(Scope.Actor, typeId, new ItemAnswer(chosen, grounds ?? [], reasons, changes, method, methodReasons), Profile, Rules, now);
        });

    public Task<IActionResult> OnPostCloseAsync(Guid id, int version) =>
        ActAsync(id, version, "closed", (r, now) => r.Close(Scope.Actor, now));

    /// <summary>The grounds the officer may cite on this item.</summary>
    public IReadOnlyList<DecisionGround> GroundsFor(RequestItem item) => DecisionGround.For(Profile, item);

    public Task<IActionResult> OnPostSendAnswerAsync(Guid id, int version) =>
        ActAsync(id, version, "answer-sent", (r, now) => r.SendAnswer(Scope.Actor, now, Profile.Delivery.DownloadDays));

    /// <summary>The disclosed data, one file at a time, encrypted like identity documents; refused if its bytes belie its name.</summary>
    public async Task<IActionResult> OnPostAttachDataAsync(Guid id, int version, IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return await ActAsync(id, version, "disclosed-file-attached", (_, _) => throw new DomainException("deliver.missing", "Choose a file to attach."));
        }

        if (file.Length > DisclosedFile.MaxBytesPerRequest)
        {
            return await ActAsync(id, version, "disclosed-file-attached", (_, _) => throw new DomainException("deliver.too-large", "The files of one answer can weigh at most 100 MB together."));
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, HttpContext.RequestAborted);
        }

        var name = Intake.Pages.RequestStatusModel.SafeName(file.FileName);
        if (DisclosedFileType.Detect(bytes, name) is not { } contentType)
        {
            return await ActAsync(id, version, "disclosed-file-attached", (_, _) => throw new DomainException("deliver.wrong-type", "The file's contents do not match its name."));
        }

        var fileId = Guid.NewGuid();
        var storedName = await vault.SaveAsync(fileId, bytes, HttpContext.RequestAborted);
        var result = await ActAsync(id, version, "disclosed-file-attached", (r, now) =>
            r.AttachDisclosedFile(Scope.Actor, new DisclosedFile(fileId, name, contentType, bytes.Length, storedName, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), now), now));
        if (result is not RedirectResult)
        {
            // Nothing half-stored: the encrypted file goes when the record was not saved.
            await vault.DeleteAsync(storedName, CancellationToken.None);
        }

        return result;
    }

    public async Task<IActionResult> OnPostRemoveDataAsync(Guid id, int version, Guid file)
    {
        string? storedName = null;
        var result = await ActAsync(id, version, "disclosed-file-removed", (r, now) => storedName = r.RemoveDisclosedFile(Scope.Actor, file, now).StoredName);
        if (result is RedirectResult && storedName is not null)
        {
            await vault.DeleteAsync(storedName, CancellationToken.None);
        }

        return result;
    }

    public Task<IActionResult> OnPostHoldAsync(Guid id, int version, string? reason) =>
        ActAsync(id, version, "legal-hold-placed", (r, now) => r.PlaceLegalHold(Scope.Actor, reason ?? string.Empty, now));

    public Task<IActionResult> OnPostReleaseHoldAsync(Guid id, int version) =>
        ActAsync(id, version, "legal-hold-released", (r, now) => r.ReleaseLegalHold(Scope.Actor, now));

    public Task<IActionResult> OnPostExtendAsync(Guid id, int version, string? reasons) =>
        ActAsync(id, version, "extended", (r, now) => r.Extend(Scope.Actor, reasons ?? string.Empty, Rules, now));

    public Task<IActionResult> OnPostNoteAsync(Guid id, int version, string? note) =>
        ActAsync(id, version, "note-added", (r, now) => r.AddNote(Scope.Actor, note ?? string.Empty, now));

    public Task<IActionResult> OnPostAssignAsync(Guid id, int version, string? assignee) =>
        ActAsync(id, version, "assigned", (r, now) =>
        {
            var chosen = string.IsNullOrEmpty(assignee) ? null : assignee;
            if (chosen is not null && Officers.All(o => o.Id != chosen))
            {
                throw new DomainException("assign.unknown", "Cases can be assigned only to officers of this controller.");
            }

            r.Assign(Scope.Actor, chosen, now);
        });

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, int version, string? reason) =>
        ActAsync(id, version, "withdrawn", (r, now) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new DomainException("reason.required", "Say how the requester asked to withdraw.");
            }

            r.Withdraw(Scope.Actor, now, "on the requester's behalf: " + reason.Trim());
        });

    /// <summary>The most one attach post may carry: the per-request limit and the form around it.</summary>
    public const long MaxAttachRequestBytes = DisclosedFile.MaxBytesPerRequest + (1024 * 1024);

    public static string Mask(string? value) => value switch
    {
        null or "" => "-",
        { Length: <= 2 } => new string('•', value.Length),
        _ when value.Contains('@', StringComparison.Ordinal) => value[0] + "•••" + value[value.IndexOf('@', StringComparison.Ordinal)..],
        _ => value[..2] + new string('•', Math.Min(8, value.Length - 2)),
    };

    private DeadlineRules Rules => DeadlineRules.For(Profile);

    private async Task<IActionResult> ActAsync(Guid id, int version, string action, Action<PrivacyRequest, DateTime> verb)
    {
        var denied = await LoadAsync(id);
        if (denied is not null)
        {
            return denied;
        }

        if (!CanWork)
        {
            return Forbid();
        }

        if (Case.Version != version)
        {
            return Refuse(text["Staff.Case.ChangedMeanwhile"], StatusCodes.Status409Conflict);
        }

        try
        {
            verb(Case, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (DomainException ex)
        {
            await ReloadAsync(id);
            return Refuse(Explain(text, ex), StatusCodes.Status422UnprocessableEntity);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ReloadAsync(id);
            return Refuse(text["Staff.Case.ChangedMeanwhile"], StatusCodes.Status409Conflict);
        }

        return Redirect($"/staff/cases/{id}?done={action}#timeline");
    }

    private PageResult Refuse(string message, int status)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Nothing half-done is kept: the tracked request is dropped and read again as saved.</summary>
    private async Task ReloadAsync(Guid id)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id);
    }

    /// <summary>
    /// Loads the case if this member may read it. Another controller's case answers 404, exactly as a case that does
    /// not exist, so no URL tells whether it does.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        Scope = scope;
        if (!scope.CanReadCases)
        {
            return Forbid();
        }

        var request = await scope.Readable(db.Requests)
            .Include(r => r.Items).Include(r => r.Documents).Include(r => r.AuditEvents).Include(r => r.Notes).Include(r => r.Letters).Include(r => r.DisclosedFiles)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        if (request is null || await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, HttpContext.RequestAborted) is not { } profile)
        {
            return NotFound();
        }

        Case = request;
        Profile = profile.Profile;
        CanWork = scope.CanWork(request);
        Today = JapanTime.Today(clock);
        Deadlines = request.Deadlines(Rules, Today);
        Quote = FeeQuote.For(Profile, request.Items.Select(i => i.TypeId));
        CitedGrounds = DecisionGround.Cited(Profile, request.Items.Select(i => i.TypeId));
        LateForGdprRefusal = request.IsOpen && Deadlines.FirstOrDefault(d => d.Regime == Regime.Gdpr)?.Find(DeadlineKind.ExtensionNoticeBy) is { } firstMonth && Today > firstMonth.Date
            ? firstMonth.Date
            : null;
        // The officers of this case's controller: who it can be assigned to.
        var officers = await (
            from assignment in db.StaffAssignments
            where assignment.ControllerId == request.ControllerId
            join userRole in db.UserRoles on assignment.UserId equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == StaffRoles.PrivacyOfficer
            join user in db.Users on assignment.UserId equals user.Id
            select new { user.Id, user.DisplayName }).ToListAsync(HttpContext.RequestAborted);
        Officers = officers.Select(o => (o.Id, o.DisplayName)).OrderBy(o => o.DisplayName, StringComparer.Ordinal).ToList();
        return null;
    }
}
