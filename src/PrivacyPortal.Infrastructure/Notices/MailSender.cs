using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>Sends mail. The portal's own seam over the mail library, so notices never depend on how mail travels.</summary>
public interface IMailSender
{
    /// <summary>A session for a batch: one connection, opened on the first message and reused for the rest.</summary>
    IMailSession OpenSession();
}

/// <summary>One connection's worth of messages; disposing it says QUIT.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => SendAsync(message, null, cancellationToken);

    /// <summary>
    /// Sends a message; when <paramref name="dataAfter"/> is given, the envelope (sender, recipients) goes out at once
    /// but the message itself only once that task has completed, and not at all if it failed. The outbox uses it to
    /// record one notice as sent while the next one's envelope is on its way.
    /// </summary>
    Task SendAsync(MimeMessage message, Task? dataAfter, CancellationToken cancellationToken);
}

public static class MailSenderExtensions
{
    /// <summary>One message on its own connection (the CLI's test message).</summary>
    public static async Task SendAsync(this IMailSender sender, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        await using var session = sender.OpenSession();
        await session.SendAsync(message, cancellationToken);
    }
}

/// <summary>
/// MailKit over SMTP (STARTTLS, TLS or none, and authentication, by configuration), or .eml files written by MimeKit
/// to a pickup directory for the embedded default.
/// </summary>
public sealed class MailKitMailSender(IOptions<SmtpOptions> smtp, IOptions<PortalOptions> portal) : IMailSender
{
    public IMailSession OpenSession()
    {
        var options = smtp.Value;
        return options.UsesPickup ? new PickupSession(PickupDirectory(options, portal.Value)) : new SmtpSession(options);
    }

    public static string PickupDirectory(SmtpOptions options, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(portal);
        return Path.GetFullPath(options.PickupDirectory, portal.DataDirectory);
    }

    /// <summary>MailKit's client with a hold between the recipients being accepted and the message data.</summary>
    private sealed class GatedSmtpClient : SmtpClient
    {
        public Task? DataAfter { get; set; }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            base.OnRecipientAccepted(message, mailbox, response);
            // MailKit calls this synchronously, after RCPT and before DATA: waiting here holds back only this message,
            // for as long as the task takes (one database commit), and a failed task aborts it before any data is sent.
            DataAfter?.GetAwaiter().GetResult();
        }
    }

    private sealed class SmtpSession(SmtpOptions options) : IMailSession
    {
        private GatedSmtpClient? _client;

        public async Task SendAsync(MimeMessage message, Task? dataAfter, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            try
            {
                await SendOnceOrReconnectAsync(message, dataAfter, cancellationToken);
            }
            finally
            {
                if (_client is not null)
                {
                    _client.DataAfter = null;
                }
            }
        }

        private async Task SendOnceOrReconnectAsync(MimeMessage message, Task? dataAfter, CancellationToken cancellationToken)
        {
            if (_client is { IsConnected: true })
            {
                try
                {
                    _client.DataAfter = dataAfter;
                    await _client.SendAsync(message, cancellationToken);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not SmtpCommandException)
                {
                    // A refused recipient leaves the connection usable; anything else may not. If the server closed a
                    // connection this session kept open (idle time-out, restart), try once more on a new one.
                    await DropAsync();
                    if (!IsBrokenConnection(ex) || dataAfter is { IsFaulted: true })
                    {
                        throw;
                    }
                }
            }

            try
            {
                var client = await ConnectedAsync(cancellationToken);
                client.DataAfter = dataAfter;
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not SmtpCommandException)
            {
                // After a failure the connection may be in any state: the next message opens a fresh one.
                await DropAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    await client.DisconnectAsync(quit: true);
                }
                catch (Exception ex) when (ex is IOException or SocketException or MailKit.ProtocolException or OperationCanceledException)
                {
                    // Everything was sent; a QUIT that fails loses nothing.
                }
            }

            _client?.Dispose();
            _client = null;
        }

        private static bool IsBrokenConnection(Exception ex) =>
            ex is IOException or SocketException or MailKit.ServiceNotConnectedException or SmtpProtocolException;

        private async Task<GatedSmtpClient> ConnectedAsync(CancellationToken cancellationToken)
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            _client?.Dispose();
            // Nagle's algorithm with the server's delayed ACK holds every SMTP command about 40 ms: NoDelay sends each
            // at once (about 400 messages a second on loopback instead of 22).
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var client = new GatedSmtpClient { Timeout = options.TimeoutSeconds * 1000 };
            try
            {
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
                    await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
                }

                await client.ConnectAsync(socket, options.Host, options.Port, Secure(options.EffectiveSecurity), cancellationToken);
                if (!string.IsNullOrEmpty(options.UserName))
                {
                    await client.AuthenticateAsync(options.UserName, options.Password, cancellationToken);
                }
            }
            catch
            {
                client.Dispose();
                socket.Dispose();
                throw;
            }

            _client = client;
            return client;
        }

        private async Task DropAsync()
        {
            if (_client is null)
            {
                return;
            }

            try
            {
                await _client.DisconnectAsync(quit: false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or MailKit.ProtocolException or OperationCanceledException)
            {
                // Already broken: it is being thrown away.
            }

            _client.Dispose();
            _client = null;
        }

        private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
        };
    }

    /// <summary>Each message as an .eml file (temp file and rename: a reader never sees half a message).</summary>
    private sealed class PickupSession(string directory) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, Task? dataAfter, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (dataAfter is not null)
            {
                await dataAfter;
            }

            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{Guid.NewGuid():N}.eml");
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, cancellationToken);
            File.Move(temp, path);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
