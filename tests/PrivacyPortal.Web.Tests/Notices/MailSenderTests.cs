using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Notices;

/// <summary>The MailKit sender against aiosmtpd on loopback: one connection per batch, a new one after the server drops it.</summary>
public sealed class MailSenderTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly TempDirectory _data = new();

    public void Dispose()
    {
        _smtp.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task ASession_SendsEveryMessageOverOneConnection()
    {
        var (sender, composer) = Create(_smtp.Port);
        await using (var session = sender.OpenSession())
        {
            for (var i = 0; i < 5; i++)
            {
                using var message = composer.Message($"person{i}@example.jp", $"件名 {i}", "本文", $"<{Guid.NewGuid():N}@privacyportal>", "ja", null);
                await session.SendAsync(message, CancellationToken.None);
            }
        }

        Assert.Equal(5, _smtp.MimeMessages().Count);
        Assert.Equal(1, _smtp.ConnectionsUsed());
        Assert.Equal(["件名 0", "件名 1", "件名 2", "件名 3", "件名 4"], _smtp.MimeMessages().Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WhenTheServerDropsTheConnection_TheNextMessageGoesOutOnANewOne()
    {
        var (sender, composer) = Create(_smtp.Port);
        await using var session = sender.OpenSession();
        using (var first = composer.Message("a@example.jp", "first", "1", null, "en", null))
        {
            await session.SendAsync(first, CancellationToken.None);
        }

        _smtp.Restart();
        using (var second = composer.Message("b@example.jp", "second", "2", null, "en", null))
        {
            await session.SendAsync(second, CancellationToken.None);
        }

        Assert.Equal(["first", "second"], _smtp.MimeMessages().Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(2, _smtp.ConnectionsUsed());
    }

    [Fact]
    public async Task AMessageHeldForAPreviousRecord_GoesOutOnlyOnceThatRecordIsSaved()
    {
        var (sender, composer) = Create(_smtp.Port);
        await using var session = sender.OpenSession();
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var message = composer.Message("a@example.jp", "held", "1", null, "en", null);

        var sending = session.SendAsync(message, saved.Task, CancellationToken.None);
        // Not a wait for success: had the message not been held, loopback would have delivered it well within this.
        Assert.NotSame(sending, await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(1))));
        Assert.Empty(_smtp.MimeMessages());

        saved.SetResult();
        await sending;
        Assert.Equal("held", Assert.Single(_smtp.MimeMessages()).Subject);
    }

    [Fact]
    public async Task AMessageHeldForARecordThatFailed_IsNeverDelivered_AndTheNextOneIs()
    {
        var (sender, composer) = Create(_smtp.Port);
        await using var session = sender.OpenSession();
        using var held = composer.Message("a@example.jp", "held", "1", null, "en", null);
        await Assert.ThrowsAsync<IOException>(() => session.SendAsync(held, Task.FromException(new IOException("disk full")), CancellationToken.None));

        using var next = composer.Message("b@example.jp", "next", "2", null, "en", null);
        await session.SendAsync(next, CancellationToken.None);
        Assert.Equal("next", Assert.Single(_smtp.MimeMessages()).Subject);
    }

    [Fact]
    public async Task WithNoServer_SendingFails_AndTheSessionCanStillBeDisposed()
    {
        var (sender, composer) = Create(SmtpServer.FreePort());
        await using var session = sender.OpenSession();
        using var message = composer.Message("a@example.jp", "nobody listens", "1", null, "en", null);
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => session.SendAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task RequiredStartTls_AgainstAServerWithoutIt_IsRefusedBeforeAnythingIsSent()
    {
        var (sender, composer) = Create(_smtp.Port, SmtpSecurity.StartTls);
        await using var session = sender.OpenSession();
        using var message = composer.Message("a@example.jp", "secret", "1", null, "en", null);
        await Assert.ThrowsAsync<NotSupportedException>(() => session.SendAsync(message, CancellationToken.None));
        Assert.Empty(_smtp.MimeMessages());
    }

    [Fact]
    public async Task WithoutAHost_MessagesAreWrittenAsEmlFilesThatMimeKitReadsBack()
    {
        var smtp = Options.Create(new SmtpOptions { From = "PrivacyPortal <no-reply@privacyportal.test>" });
        var sender = new MailKitMailSender(smtp, Options.Create(new PortalOptions { DataDirectory = _data.Path }));
        var composer = new NoticeComposer(smtp, PrivacyPortal.Web.Hosting.PortalRoutes.Instance);
        var messageId = $"<{Guid.NewGuid():N}@privacyportal>";
        using var message = composer.Message("hanako@example.jp", "【プライバシーポータル】テスト", "本文です。\n", messageId, "ja", new MailAttachment("letter.pdf", "application", "pdf", [1, 2, 3]));
        await sender.SendAsync(message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "mail")));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var readable = MailText.Readable(await File.ReadAllTextAsync(file));
        Assert.Contains("Subject: 【プライバシーポータル】テスト", readable, StringComparison.Ordinal);
        Assert.Contains($"Message-ID: {messageId}", readable, StringComparison.Ordinal);
        Assert.Contains("Content-Language: ja", readable, StringComparison.Ordinal);
        Assert.Contains("Attachment: letter.pdf (application/pdf)", readable, StringComparison.Ordinal);
        Assert.Contains("本文です。", readable, StringComparison.Ordinal);
        // Headers travel as RFC 2047 words, never as raw 8-bit text.
        Assert.DoesNotContain("Subject: 【", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    private (MailKitMailSender Sender, NoticeComposer Composer) Create(int port, SmtpSecurity security = SmtpSecurity.None)
    {
        var smtp = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = security, From = "PrivacyPortal <no-reply@privacyportal.test>", TimeoutSeconds = 10 });
        return (new MailKitMailSender(smtp, Options.Create(new PortalOptions { DataDirectory = _data.Path })), new NoticeComposer(smtp, PrivacyPortal.Web.Hosting.PortalRoutes.Instance));
    }

}
