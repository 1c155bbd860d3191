using Microsoft.AspNetCore.Mvc.RazorPages;
using PrivacyPortal.Domain.Cases;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Requests;
using Microsoft.Extensions.Localization;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>What every staff page shares: a local-only return URL and rule messages in the reader's language.</summary>
public abstract class StaffPage : PageModel
{
    /// <summary>Only a path on this site: an absolute URL in returnUrl would make the sign-in page an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) => Hosting.LocalReturnUrl.OrDefault(returnUrl, "/staff", "/staff");

    /// <summary>
    /// A refused rule in the reader's language when there is a text for its code, else the rule's own words. Every
    /// rule text may state the limits: {0} megabytes a document may weigh, {1} files and {2} megabytes an answer may carry.
    /// </summary>
    public static string Explain(IStringLocalizer text, DomainException error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        if (error.Code is { } code)
        {
            var localized = text["Rule." + code, RequestDocument.MaxMegabytes, DisclosedFile.MaxFilesPerRequest, DisclosedFile.MaxMegabytesPerRequest];
            if (!localized.ResourceNotFound)
            {
                return localized.Value;
            }
        }

        return error.Message;
    }
}
