using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Requests;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Web.Hosting;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

public enum ConfirmState
{
    Ready,
    Invalid,
    Expired,
}

/// <summary>
/// The single-use email confirmation link. Opening it shows a button; only the POST confirms, so a mail scanner
/// that follows links cannot confirm a request on the person's behalf.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.AbuseProtection.ConfirmPolicy)]
public sealed class ConfirmModel(PortalDbContext db, ProfileStore profiles, TimeProvider clock, NoticeLinks links, IOptions<PortalOptions> options) : PageModel
{
    private const int ReferenceAttempts = 5;

    public ConfirmState State { get; private set; }

    public PrivacyRequest? Filed { get; private set; }

    public CurrentProfile? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(token, cancellationToken))
        {
            return Page();
        }

        var rules = DeadlineRules.For(Profile!.Profile);
        var statusToken = SecretTokens.New();
        var personToken = SecretTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            // The reference number and the confirmed request are saved together: a failure gives the number back.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var reference = await ReferenceAllocator.NextAsync(db, Profile.Controller.ReferencePrefix, JapanTime.DateOf(clock.GetUtcNow()).Year, cancellationToken);
                Filed!.ConfirmEmail(SecretTokens.Hash(token), reference, rules, new IssuedSecret(SecretTokens.Hash(statusToken), links.Protect(Link(PortalRoutes.Instance.Status(statusToken)))), now,
                    new IssuedSecret(SecretTokens.Hash(personToken), links.Protect(Link(PortalRoutes.Instance.Person(personToken)))));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Redirect(PortalRoutes.Instance.Status(statusToken) + "?confirmed=1");
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Another instance opened the year's series at the same moment, or confirmed this very request:
                // start again from the stored request.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await LoadAsync(token, cancellationToken);
                if (State != ConfirmState.Ready)
                {
                    return Page();
                }
            }
            finally
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        State = ConfirmState.Invalid;
        if (!SecretTokens.LooksValid(token))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var hash = SecretTokens.Hash(token);
        Filed = await db.Requests.Include(r => r.Items).SingleOrDefaultAsync(r => r.ConfirmationHash == hash, cancellationToken);
        if (Filed is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Profile = await profiles.FindVersionAsync(Filed.PolicyId, Filed.ProfileVersion, cancellationToken);
        if (Filed.ConfirmationExpired(clock.GetUtcNow().UtcDateTime))
        {
            State = ConfirmState.Expired;
            Response.StatusCode = StatusCodes.Status410Gone;
            return false;
        }

        State = ConfirmState.Ready;
        return true;
    }

    private string Link(string path) => PublicLinks.To(Request, options.Value, path);
}
