using Microsoft.AspNetCore.DataProtection;

namespace PrivacyPortal.Infrastructure.Security;

/// <summary>
/// Encrypts links that carry a secret token before they go into the outbox, and decrypts them for the sender.
/// Uses ASP.NET Core data protection (keys in the data folder), so the outbox never holds a usable token in clear.
/// </summary>
public sealed class NoticeLinks(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PrivacyPortal.Notices.Links.v1");

    public string Protect(string link) => _protector.Protect(link);

    public string Unprotect(string protectedLink) => _protector.Unprotect(protectedLink);
}
