using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>Sends one message. The portal's own seam over the mail library, so it can be replaced without touching notices.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// System.Net.Mail over SMTP (STARTTLS and authentication when configured), or .eml files in a pickup directory
/// for the embedded default.
/// </summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> smtp, IOptions<PortalOptions> portal) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = smtp.Value;
        using var client = new SmtpClient();
        if (options.UsesPickup)
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupDirectory(options, portal.Value);
            Directory.CreateDirectory(client.PickupDirectoryLocation);
        }
        else
        {
            client.Host = options.Host;
            client.Port = options.Port;
            client.EnableSsl = options.UseStartTls;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.Timeout = 30_000;
            if (!string.IsNullOrEmpty(options.UserName))
            {
                client.Credentials = new NetworkCredential(options.UserName, options.Password);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
    }

    public static string PickupDirectory(SmtpOptions options, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(portal);
        return Path.GetFullPath(options.PickupDirectory, portal.DataDirectory);
    }
}
