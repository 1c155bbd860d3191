using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Web.Pages.Dev;

/// <summary>
/// The pickup directory of the embedded default, so a developer can open the links the portal "sent". Off unless
/// mail goes to the pickup directory and Smtp:ShowPickupPage is true: the messages carry secret links. Only the
/// exact path answers (routing would also take "/DEV/MAIL" or "/dev/mail/"), so no proxy rule or allow-list written
/// for "/dev/mail" can be walked around; a configured SMTP host turns it off whatever the switch says.
/// </summary>
public sealed class MailModel(IOptions<SmtpOptions> smtp, IOptions<PortalOptions> portal) : PageModel
{
    public IReadOnlyList<(string Name, DateTime WrittenAtUtc, string Text)> Messages { get; private set; } = [];

    public const string Path = "/dev/mail";

    public IActionResult OnGet()
    {
        if (!smtp.Value.UsesPickup || !smtp.Value.ShowPickupPage || !string.Equals(Request.Path.Value, Path, StringComparison.Ordinal))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var directory = new DirectoryInfo(MailKitMailSender.PickupDirectory(smtp.Value, portal.Value));
        Messages = directory.Exists
            ? directory.GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(50)
                .Select(f => (f.Name, f.LastWriteTimeUtc, MailText.Readable(System.IO.File.ReadAllText(f.FullName)))).ToList()
            : [];
        return Page();
    }
}
