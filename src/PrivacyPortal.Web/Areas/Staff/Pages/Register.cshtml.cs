using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Requests;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Web.Areas.Intake.Pages;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Localization;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

public enum RegisterStage
{
    ChoosePolicy,
    ChooseTypes,
    Form,
}

/// <summary>
/// An officer records a request that reached their company by post, email, phone or in person: which policy, what is
/// asked, who asks, how it came and the day it arrived (到達日, which starts the clock). Scanned documents are added on
/// the case afterwards, with the same checks and encryption as uploads.
/// </summary>
public sealed class RegisterModel(
    PortalDbContext db,
    StaffScopeReader scopes,
    ProfileStore profiles,
    TimeProvider clock,
    NoticeLinks links,
    IOptions<PortalOptions> options,
    IStringLocalizer text) : StaffPage
{
    private const int ReferenceAttempts = 5;

    /// <summary>The ways a request reaches a company other than the online form.</summary>
    public static readonly IReadOnlyList<RequestChannel> Channels = [RequestChannel.Post, RequestChannel.Email, RequestChannel.Phone, RequestChannel.InPerson];

    [BindProperty]
    public FileInput Input { get; set; } = new();

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? ArrivedOn { get; set; }

    [BindProperty]
    public string? RequestLanguage { get; set; }

    public RegisterStage Stage { get; private set; }

    /// <summary>The signed-in officer, read once per request.</summary>
    public StaffScope Scope { get; private set; } = null!;

    public IReadOnlyList<CurrentProfile> Policies { get; private set; } = [];

    public CurrentProfile Current { get; private set; } = null!;

    public IReadOnlyList<OfferView> Offers { get; private set; } = [];

    public IReadOnlyList<OfferView> Chosen { get; private set; } = [];

    /// <summary>Errors by field name, in the page's language, in form order.</summary>
    public List<KeyValuePair<string, string>> Errors { get; } = [];

    public DateOnly Today { get; private set; }

    public bool AcceptsPost => PrivacyRequest.AcceptsDocumentsByPost(Current.Profile);

    public async Task<IActionResult> OnGetAsync(string? policyId, [FromQuery(Name = "types")] string[]? types)
    {
        var denied = await LoadAsync(policyId);
        if (denied is not null)
        {
            return denied;
        }

        if (Stage == RegisterStage.ChoosePolicy)
        {
            return Page();
        }

        var chosen = (types ?? []).Where(t => Offers.Any(o => o.Type.Id == t)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            Stage = RegisterStage.ChooseTypes;
            if (types is { Length: > 0 })
            {
                Errors.Add(new("types", text["Validation.ChooseType"]));
            }

            return Page();
        }

        Input = new FileInput { Types = chosen, SubmissionKey = Guid.NewGuid().ToString("N") };
        RequestLanguage = Languages.Current;
        ArrivedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Choose();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? policyId)
    {
        var denied = await LoadAsync(policyId);
        if (denied is not null)
        {
            return denied;
        }

        if (Stage == RegisterStage.ChoosePolicy)
        {
            return Redirect("/staff/register");
        }

        Input.Types = Input.Types.Where(t => Offers.Any(o => o.Type.Id == t)).Distinct(StringComparer.Ordinal).ToList();
        if (Input.Types.Count == 0)
        {
            Stage = RegisterStage.ChooseTypes;
            Errors.Add(new("types", text["Validation.ChooseType"]));
            return Page();
        }

        Input.SubmissionKey = Input.SubmissionKey is { Length: > 0 and <= PrivacyRequest.MaxSubmissionKeyLength } key && key.All(char.IsAsciiLetterOrDigit)
            ? key
            : Guid.NewGuid().ToString("N");
        Choose();
        Input.Normalise();
        ArrivedOn = FileInput.Plain(ArrivedOn);
        var (channel, arrivedOn) = Validate();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        // The same form sent twice (a double click, a reload) is the same request.
        if (await db.Requests.AsNoTracking().Where(r => r.SubmissionKey == Input.SubmissionKey).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(HttpContext.RequestAborted) is { } existing)
        {
            return Redirect($"/staff/cases/{existing}?done=registered");
        }

        return await RegisterAsync(channel, arrivedOn);
    }

    private async Task<IActionResult> RegisterAsync(RequestChannel channel, DateOnly arrivedOn)
    {
        var requester = Input.ToRequester();
        var agent = Input.ToAgent();
        var contact = agent is not null ? agent.Email : requester.Email;
        var language = RequestLanguage == Languages.English ? Languages.English : Languages.Japanese;
        var statusToken = SecretTokens.New();
        var statusLink = contact.Length > 0 ? new IssuedSecret(SecretTokens.Hash(statusToken), links.Protect(PublicLinks.To(Request, options.Value, PortalRoutes.Instance.Status(statusToken)))) : null;
        var personToken = SecretTokens.New();
        var personLink = new IssuedSecret(SecretTokens.Hash(personToken), links.Protect(PublicLinks.To(Request, options.Value, PortalRoutes.Instance.Person(personToken))));
        var rules = DeadlineRules.For(Current.Profile);
        for (var attempt = 1; ; attempt++)
        {
            // The reference number and the registered request are saved together: a failure gives the number back.
            var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var reference = await ReferenceAllocator.NextAsync(db, Current.Controller.ReferencePrefix, JapanTime.DateOf(clock.GetUtcNow()).Year, HttpContext.RequestAborted);
                var request = PrivacyRequest.Register(
                    new NewRequest(Current.PolicyId, language, requester, agent, Input.ToItems(), Input.DocumentsByPost && AcceptsPost, Input.SubmissionKey!),
                    channel, arrivedOn, Scope.Actor, Current.Profile, Current.Version, reference, rules, statusLink, now, personLink);
                db.Requests.Add(request);
                await db.SaveChangesAsync(HttpContext.RequestAborted);
                await transaction.CommitAsync(HttpContext.RequestAborted);
                return Redirect($"/staff/cases/{request.Id}?done=registered");
            }
            catch (DomainException ex)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                Errors.Add(new(string.Empty, Explain(text, ex)));
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Another instance took the same number, or the same form was saved at the same moment.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (await db.Requests.AsNoTracking().Where(r => r.SubmissionKey == Input.SubmissionKey).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(HttpContext.RequestAborted) is { } saved)
                {
                    return Redirect($"/staff/cases/{saved}?done=registered");
                }
            }
            finally
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>Only officers register, and only for their own companies; another company's policy answers 404.</summary>
    private async Task<IActionResult?> LoadAsync(string? policyId)
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        Scope = scope;

        if (!scope.IsOfficer)
        {
            return Forbid();
        }

        Today = JapanTime.Today(clock);
        if (string.IsNullOrEmpty(policyId))
        {
            Stage = RegisterStage.ChoosePolicy;
            Policies = (await profiles.ListAsync(null, HttpContext.RequestAborted)).Where(p => scope.ControllerIds.Contains(p.Controller.Id)).ToList();
            return null;
        }

        if (policyId.Length > 100 || await profiles.FindAsync(policyId, HttpContext.RequestAborted) is not { } current || !scope.ControllerIds.Contains(current.Controller.Id))
        {
            return NotFound();
        }

        Current = current;
        Offers = OfferView.For(current.Profile);
        Stage = RegisterStage.Form;
        return null;
    }

    private void Choose() => Chosen = Offers.Where(o => Input.Types.Contains(o.Type.Id)).ToList();

    private (RequestChannel Channel, DateOnly ArrivedOn) Validate()
    {
        var channel = Enum.TryParse<RequestChannel>(Channel, out var parsed) && Channels.Contains(parsed) ? parsed : (RequestChannel?)null;
        if (channel is null)
        {
            Errors.Add(new("Channel", text["Register.ChannelRequired"]));
        }

        DateOnly arrivedOn = default;
        if (!DateOnly.TryParseExact(ArrivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out arrivedOn))
        {
            Errors.Add(new("ArrivedOn", text["Validation.Date"]));
        }
        else if (arrivedOn > Today)
        {
            Errors.Add(new("ArrivedOn", text["Rule.register.arrival-future"]));
        }
        else if (Current.Profile.Policy.Dated is { } dated && arrivedOn < dated)
        {
            Errors.Add(new("ArrivedOn", text["Rule.register.arrival-before-policy"]));
        }

        if (RequestLanguage is not (Languages.Japanese or Languages.English))
        {
            Errors.Add(new("RequestLanguage", text["Validation.Choice"]));
        }

        Errors.AddRange(new FileInputValidator(clock, emailRequired: false).Problems(Input, Current.Profile, text));

        return (channel ?? RequestChannel.Post, arrivedOn);
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Key == field).Value;
}
