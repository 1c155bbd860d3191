using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd writing each message to a Maildir. Started per test
/// class on a free port; the test script installs the package.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly TempDirectory _maildir = new();
    private Process _process;

    public SmtpServer()
    {
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir.Path, sub));
        }

        Port = FreePort();
        _process = Launch();
    }

    /// <summary>Kills the server (every open connection dies with it) and starts it again on the same port.</summary>
    public void Restart()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = Launch();
    }

    /// <summary>How many connections delivered the messages: aiosmtpd stamps each with its client's address and port.</summary>
    public int ConnectionsUsed() => MimeMessages().Select(m => m.Headers["X-Peer"]).Distinct(StringComparer.Ordinal).Count();

    private Process Launch()
    {
        var process = Process.Start(new ProcessStartInfo(Python, $"-m aiosmtpd -n -l 127.0.0.1:{Port} -c aiosmtpd.handlers.Mailbox {_maildir.Path}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start (apt-get install python3-aiosmtpd).");
        WaitUntilListening(process);
        return process;
    }

    public int Port { get; }

    public Dictionary<string, string> Settings => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:UseStartTls"] = "false",
        ["Smtp:From"] = "PrivacyPortal <no-reply@privacyportal.test>",
    };

    /// <summary>Every message received so far, readable (headers decoded, body decoded), in no particular order.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.GetFiles(Path.Combine(_maildir.Path, "new")).Order(StringComparer.Ordinal).Select(f => MailText.Readable(File.ReadAllText(f))).ToList();

    /// <summary>Every message received so far, parsed by MimeKit (for attachments and raw headers).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MimeMessages() =>
        Directory.GetFiles(Path.Combine(_maildir.Path, "new")).Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f)).ToList();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _maildir.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited: {process.StandardError.ReadToEnd()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet: the server is still starting.
                Thread.Yield();
            }
        }

        throw new TimeoutException("aiosmtpd did not start listening within 20 seconds.");
    }
}
