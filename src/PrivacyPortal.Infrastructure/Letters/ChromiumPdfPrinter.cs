using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>The "Letters" configuration section.</summary>
public sealed class LetterOptions
{
    public const string Section = "Letters";

    /// <summary>Debian's chromium package; Playwright never downloads a browser of its own.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}

/// <summary>Thrown when no Chromium can print: the caller records a clear error and retries later.</summary>
public sealed class PdfPrinterUnavailableException : Exception
{
    public PdfPrinterUnavailableException(string message)
        : base(message)
    {
    }

    public PdfPrinterUnavailableException()
    {
    }

    public PdfPrinterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Prints HTML to tagged A4 PDF with headless Chromium through Playwright. One browser per process, started on
/// first use, and a pool of pages reused between letters: a fresh page per letter costs two to three times more.
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<LetterOptions> options) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken);
        if (!_idle.TryTake(out var page) || page.IsClosed)
        {
            page = await browser.NewPageAsync();
        }

        var healthy = false;
        try
        {
            await page.SetContentAsync(html);
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Tagged = true,
                Margin = new Margin { Top = "20mm", Bottom = "20mm", Left = "20mm", Right = "20mm" },
            });
            healthy = true;
            return pdf;
        }
        finally
        {
            // A page that failed may be in any state: close it rather than give it to the next letter.
            if (healthy)
            {
                _idle.Add(page);
            }
            else
            {
                await page.CloseAsync();
            }
        }
    }

    /// <summary>For hosts disposed synchronously: closes the browser so no Chromium process outlives the portal.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        _idle.Clear();
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }

        await _start.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            var path = options.Value.ChromiumPath;
            if (!File.Exists(path))
            {
                throw new PdfPrinterUnavailableException($"Chromium is not installed at {path} (Debian package 'chromium'); letters cannot be printed until it is.");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // As root Chromium needs --no-sandbox; the rest keep it off the network at start-up.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }
}
