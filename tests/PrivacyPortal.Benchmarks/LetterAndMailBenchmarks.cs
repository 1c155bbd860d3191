using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Letters;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Benchmarks;

/// <summary>
/// One-page Japanese acknowledgement letters printed by Debian's Chromium on 1, 2 and 4 pages at once: through the
/// portal's ChromiumPdfPrinter (its page pool, its error handling) against a bare Playwright loop printing the same
/// HTML with the same options on as many pages of a browser of its own (the baseline). The ratio column is the
/// printer's time per letter over the bare loop's.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class LetterBenchmarks
{
    private const int LettersPerInvoke = 8;
    private static readonly PagePdfOptions PdfOptions = new()
    {
        Format = "A4",
        PrintBackground = true,
        Tagged = true,
        Margin = new Margin { Top = "20mm", Bottom = "20mm", Left = "20mm", Right = "20mm" },
    };

    private ChromiumPdfPrinter _printer = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _bare = null!;
    private List<IPage> _barePages = [];
    private string _html = string.Empty;

    [Params(1, 2, 4)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var profile = new ProcedureProfile
        {
            Id = "example",
            Desk = new ContactDesk { Name = LocalizedText.Of("個人情報窓口", "Personal information desk"), Address = LocalizedText.Of("大阪市中央区", "Chuo-ku, Osaka"), Email = "desk@example.jp", Source = "s" },
        };
        var received = new DateOnly(2026, 11, 24);
        var deadline = DeadlineCalculator.Compute(DeadlineRules.For(profile), Regime.Appi, received, [], extended: false, received);
        var letter = new AcknowledgementLetter(
            new DataControllerProfile { Id = "example", Name = LocalizedText.Of("例株式会社", "Example Co., Ltd."), ReferencePrefix = "EX" },
            profile, "山田 花子", "EX-2026-000123", received, [RequestType.Disclosure], deadline);
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        _html = new LetterRenderer(services, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).RenderAsync(letter, "ja", eraYear: true).GetAwaiter().GetResult();
        _printer = new ChromiumPdfPrinter(Options.Create(new LetterOptions { PrintPages = Pages }));
        _playwright = Playwright.CreateAsync().GetAwaiter().GetResult();
        _bare = _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = new LetterOptions().ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }).GetAwaiter().GetResult();
        _barePages = Enumerable.Range(0, Pages).Select(_ => _bare.NewPageAsync().GetAwaiter().GetResult()).ToList();
        // Both start warm: every page has printed once.
        Bare().GetAwaiter().GetResult();
        Printer().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _printer.Dispose();
        _bare.CloseAsync().GetAwaiter().GetResult();
        _playwright.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare Playwright loop (time per letter)", OperationsPerInvoke = LettersPerInvoke)]
    public Task Bare() => Task.WhenAll(_barePages.Select(async page =>
    {
        for (var i = 0; i < LettersPerInvoke / Pages; i++)
        {
            await page.SetContentAsync(_html);
            await page.PdfAsync(PdfOptions);
        }
    }));

    [Benchmark(Description = "ChromiumPdfPrinter (time per letter)", OperationsPerInvoke = LettersPerInvoke)]
    public Task Printer() => Task.WhenAll(Enumerable.Range(0, Pages).Select(async _ =>
    {
        for (var i = 0; i < LettersPerInvoke / Pages; i++)
        {
            await _printer.PrintAsync(_html, CancellationToken.None);
        }
    }));
}

/// <summary>Messages sent over SMTP to Debian's aiosmtpd on loopback through the portal's sender, one connection per message.</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class MailBenchmarks
{
    private Process _server = null!;
    private string _maildir = string.Empty;
    private MailKitMailSender _sender = null!;
    private NoticeComposer _composer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _maildir = Directory.CreateTempSubdirectory("portal-bench-mail").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, sub));
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3", $"-m aiosmtpd -n -l 127.0.0.1:{port} -c aiosmtpd.handlers.Mailbox {_maildir}") { UseShellExecute = false })!;
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var probe = new TcpClient("127.0.0.1", port);
                break;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        var smtp = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "no-reply@privacyportal.test" });
        _sender = new MailKitMailSender(smtp, Options.Create(new PortalOptions { DataDirectory = _maildir }));
        _composer = new NoticeComposer(smtp, PrivacyPortal.Web.Hosting.PortalRoutes.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server.Kill();
        _server.Dispose();
        Directory.Delete(_maildir, recursive: true);
    }

    [Benchmark(Description = "One notice over SMTP to loopback")]
    public async Task SendOne()
    {
        using var message = _composer.Message("hanako@example.jp", "【プライバシーポータル】請求を受け付けました", "受付番号：EX-2026-000123\nhttp://localhost:5080/r/token", null, "ja", null);
        await _sender.SendAsync(message, CancellationToken.None);
    }
}
