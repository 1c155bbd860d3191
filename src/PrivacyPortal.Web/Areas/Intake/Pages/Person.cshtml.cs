using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>
/// The page of the person an agent filed for, reached only through the link sent to them: which company, what was
/// asked, who says they act for them; and one button to say they did not ask. It shows nothing the agent typed about
/// the person beyond what identifies the request, and nothing of the answer.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.AbuseProtection.StatusPolicy)]
public sealed class PersonModel(PortalDbContext db, ProfileStore profiles, TimeProvider clock) : PageModel
{
    public PrivacyRequest? Filed { get; private set; }

    public CurrentProfile? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    /// <summary>The person did not ask: recorded once; the same link pressed again shows what was recorded.</summary>
    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return Page();
        }

        if (Filed!.PersonObjectedAtUtc is null)
        {
            try
            {
                Filed.RecordPersonObjection("person", "from the person's own link", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An officer changed the case at the same moment: the person's answer is still theirs to give.
                db.ChangeTracker.Clear();
                await LoadAsync(token, cancellationToken);
                if (Filed.PersonObjectedAtUtc is null)
                {
                    Filed.RecordPersonObjection("person", "from the person's own link", clock.GetUtcNow().UtcDateTime);
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }

        return Redirect(Hosting.PortalRoutes.Instance.Person(token) + "?recorded=1");
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Filed = null;
        if (!SecretTokens.LooksValid(token))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var hash = SecretTokens.Hash(token);
        var filed = await db.Requests.Include(r => r.Items).SingleOrDefaultAsync(r => r.PersonTokenHash == hash, cancellationToken);
        var profile = filed is null ? null : await profiles.FindVersionAsync(filed.PolicyId, filed.ProfileVersion, cancellationToken);
        if (filed?.Agent is null || profile is null)
        {
            // Unknown, or erased at the end of retention (the hash goes with the personal data).
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Filed = filed;
        Profile = profile;
        return true;
    }
}
