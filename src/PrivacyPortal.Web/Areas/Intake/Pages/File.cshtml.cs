using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Localization;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

public enum FileStage
{
    ChooseTypes,
    Form,
    Review,
    UnknownType,
    AlreadyReceived,
}

/// <summary>
/// Filing a request: choose the kinds of request, fill in the form the profile calls for, review the exact fee,
/// submit. Works without JavaScript; whatever was typed comes back on every error.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.AbuseProtection.SubmitPolicy)]
public sealed class FileModel(
    ProfileStore profiles,
    PortalDbContext db,
    TimeProvider clock,
    NoticeLinks links,
    FileInputValidator validator,
    IOptions<PortalOptions> options,
    IStringLocalizer text) : PageModel
{
    [BindProperty]
    public FileInput Input { get; set; } = new();

    public CurrentProfile Current { get; private set; } = null!;

    public FileStage Stage { get; private set; }

    public IReadOnlyList<OfferView> Offers { get; private set; } = [];

    public IReadOnlyList<OfferView> Chosen { get; private set; } = [];

    public FeeQuote Fee { get; private set; } = FeeQuote.None;

    /// <summary>Errors by field name ("Input.Email"), in the page's language, in form order.</summary>
    public List<KeyValuePair<string, string>> Errors { get; } = [];

    public bool AcceptsPost => PrivacyRequest.AcceptsDocumentsByPost(Current.Profile);

    public async Task<IActionResult> OnGetAsync(string policyId, [FromQuery(Name = "types")] string[]? types, [FromQuery(Name = "step")] string? step, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(policyId, cancellationToken))
        {
            return NotFound();
        }

        var chosen = (types ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            // Sent from step 1 with nothing ticked: say so, rather than show the same page again without a word.
            if (step == "types")
            {
                Errors.Add(new("types", text["Validation.ChooseType"]));
            }

            Stage = FileStage.ChooseTypes;
            return Page();
        }

        if (chosen.Any(t => Offers.All(o => o.Type.Id != t)))
        {
            // A helpful 404: the page names the policy and lists what it does accept.
            Stage = FileStage.UnknownType;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Input = new FileInput { Types = chosen, SubmissionKey = Guid.NewGuid().ToString("N") };
        Choose();
        Stage = FileStage.Form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string policyId, string? step, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(policyId, cancellationToken))
        {
            return NotFound();
        }

        Input.SubmissionKey = Input.SubmissionKey is { Length: > 0 and <= PrivacyRequest.MaxSubmissionKeyLength } key && key.All(char.IsAsciiLetterOrDigit)
            ? key
            : Guid.NewGuid().ToString("N");
        Choose();
        Stage = FileStage.Form;
        if (step == "edit")
        {
            return Page();
        }

        Input.Normalise();
        Validate();
        if (Errors.Count > 0)
        {
            return Page();
        }

        if (step != "submit")
        {
            Stage = FileStage.Review;
            return Page();
        }

        if (!string.IsNullOrEmpty(Input.Website))
        {
            // A bot filled the field people never see: answer as if all went well and keep nothing.
            Stage = FileStage.AlreadyReceived;
            return Page();
        }

        if (await db.Requests.AnyAsync(r => r.SubmissionKey == Input.SubmissionKey, cancellationToken))
        {
            Stage = FileStage.AlreadyReceived;
            return Page();
        }

        return await FileAsync(cancellationToken);
    }

    private async Task<IActionResult> FileAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var confirmationToken = SecretTokens.New();
        var statusToken = SecretTokens.New();
        PrivacyRequest request;
        try
        {
            request = PrivacyRequest.File(
                new NewRequest(Current.PolicyId, Languages.Current, Input.ToRequester(), Input.ToAgent(), Input.ToItems(), Input.DocumentsByPost && AcceptsPost, Input.SubmissionKey!),
                Current.Profile,
                Current.Version,
                new IssuedSecret(SecretTokens.Hash(confirmationToken), links.Protect(Link(PortalRoutes.Instance.Confirm(confirmationToken)))),
                new IssuedSecret(SecretTokens.Hash(statusToken), links.Protect(Link(PortalRoutes.Instance.Status(statusToken)))),
                now);
        }
        catch (DomainException ex)
        {
            Errors.Add(new(string.Empty, Localization.RuleText.Explain(text, ex)));
            return Page();
        }

        db.Requests.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form arrived twice at once: the other copy won, and this one is the same request.
            db.ChangeTracker.Clear();
            if (!await db.Requests.AsNoTracking().AnyAsync(r => r.SubmissionKey == Input.SubmissionKey, cancellationToken))
            {
                throw;
            }

            Stage = FileStage.AlreadyReceived;
            return Page();
        }

        return Redirect(PortalRoutes.Instance.Status(statusToken) + "?filed=1");
    }

    private async Task<bool> LoadAsync(string policyId, CancellationToken cancellationToken)
    {
        var current = await profiles.FindAsync(policyId, cancellationToken);
        if (current is null || !current.Profile.OnlineForm)
        {
            // A company that does not take requests through the portal has no form here; its page says how to send one.
            return false;
        }

        Current = current;
        Offers = OfferView.For(current.Profile);
        return true;
    }

    private void Choose()
    {
        Chosen = Offers.Where(o => Input.Types.Contains(o.Type.Id)).ToList();
        Fee = Chosen.Count > 0 ? FeeQuote.For(Current.Profile, Chosen.Select(o => o.Type.Id)) : FeeQuote.None;
    }

    private void Validate()
    {
        var notAccepted = Input.Types.Where(t => Offers.All(o => o.Type.Id != t)).ToList();
        foreach (var type in notAccepted)
        {
            Errors.Add(new("Input.Types", text["Validation.TypeNotAccepted", type]));
        }

        Errors.AddRange(validator.Problems(Input, Current.Profile, text));

        foreach (var key in Errors.Select(e => e.Key).Distinct().ToList())
        {
            ModelState.AddModelError(key, Errors.First(e => e.Key == key).Value);
        }
    }

    private string Link(string path) => PublicLinks.To(Request, options.Value, path);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Key == field).Value;

    public static string IdFor(string field) => new(field.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
