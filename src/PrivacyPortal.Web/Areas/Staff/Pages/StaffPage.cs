using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>What every staff page shares: a local-only return URL and rule messages in the reader's language.</summary>
public abstract class StaffPage : PageModel
{
    /// <summary>Only a path on this site: an absolute URL in returnUrl would make the sign-in page an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) => Hosting.LocalReturnUrl.OrDefault(returnUrl, "/staff", "/staff");

    /// <summary>A refused rule in the reader's language (<see cref="Localization.RuleText"/>).</summary>
    public static string Explain(IStringLocalizer text, DomainException error) => Localization.RuleText.Explain(text, error);
}
