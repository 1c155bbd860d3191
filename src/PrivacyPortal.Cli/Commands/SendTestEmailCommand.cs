using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Cli.Commands;

/// <summary>portal send-test-email --to ADDRESS: one message through the configured route, to check the settings.</summary>
public static class SendTestEmailCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = context.Command.Required("to");
        MailAddress address;
        try
        {
            address = new MailAddress(to);
        }
        catch (FormatException)
        {
            throw new UsageException($"--to '{to}' is not an email address.");
        }

        var smtp = context.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From),
            Subject = "PrivacyPortal テストメール / test message",
            SubjectEncoding = Encoding.UTF8,
            Body = "プライバシーポータルのメール設定は正しく動作しています。\nPrivacyPortal's mail settings work.\n",
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(address);
        try
        {
            await context.Services.GetRequiredService<IMailSender>().SendAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException)
        {
            await context.Error.WriteLineAsync($"portal: sending failed: {ex.Message}");
            return ExitCodes.Failure;
        }

        var route = smtp.UsesPickup
            ? $"written to {SmtpMailSender.PickupDirectory(smtp, context.Services.GetRequiredService<IOptions<PortalOptions>>().Value)}"
            : $"sent through {smtp.Host}:{smtp.Port}";
        await context.Out.WriteLineAsync($"Test message to {address.Address} {route}.");
        return ExitCodes.Ok;
    }
}
