using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Web.Hosting;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>
/// A new status link for a lost or expired one, sent only to the address the request confirmed. The page says the
/// same whether or not anything matched, so it reveals nothing about who has filed what.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.AbuseProtection.StatusLinkPolicy)]
public sealed class StatusLinkModel(PortalDbContext db, TimeProvider clock, NoticeLinks links, IOptions<PortalOptions> options) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public bool Incomplete { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reference = Reference?.Trim().ToUpperInvariant();
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(reference) || string.IsNullOrEmpty(email) || reference.Length > PrivacyRequest.MaxReferenceLength || email.Length > Requester.MaxEmailLength)
        {
            Incomplete = true;
            return Page();
        }

        var filed = await db.Requests.SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);
        if (filed is not null && string.Equals(filed.ContactEmail, email, StringComparison.OrdinalIgnoreCase))
        {
            var token = SecretTokens.New();
            filed.IssueStatusLink(new IssuedSecret(SecretTokens.Hash(token), links.Protect(PublicLinks.To(Request, options.Value, PortalRoutes.Instance.Status(token)))), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
