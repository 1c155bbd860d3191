using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
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
        if (!MailboxAddress.TryParse(to, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new UsageException($"--to '{to}' is not an email address.");
        }

        var smtp = context.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        using var message = context.Services.GetRequiredService<NoticeComposer>().Message(
            address.Address,
            "PrivacyPortal テストメール / test message",
            "プライバシーポータルのメール設定は正しく動作しています。\nPrivacyPortal's mail settings work.\n",
            null,
            "ja",
            null);
        try
        {
            await context.Services.GetRequiredService<IMailSender>().SendAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is MailKit.ProtocolException or MailKit.CommandException or MailKit.Security.AuthenticationException or IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException or TimeoutException or OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"portal: sending failed: {ex.Message}");
            return ExitCodes.Failure;
        }

        var route = smtp.UsesPickup
            ? $"written to {MailKitMailSender.PickupDirectory(smtp, context.Services.GetRequiredService<IOptions<PortalOptions>>().Value)}"
            : $"sent through {smtp.Host}:{smtp.Port}";
        await context.Out.WriteLineAsync($"Test message to {address.Address} {route}.");
        return ExitCodes.Ok;
    }
}
