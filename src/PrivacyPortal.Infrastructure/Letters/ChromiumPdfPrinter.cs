using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>The "Letters" configuration section.</summary>
public sealed class LetterOptions
{
    public const string Section = "Letters";

    /// <summary>Debian's chromium package; Playwright never downloads a browser of its own.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Letters the worker prints at once, on pages of one browser: one per core by default (Chromium is CPU-bound).</summary>
    public int PrintPages { get; set; } = Environment.ProcessorCount;
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
/// A browser that crashed or was killed is dropped: the letter it was printing fails (the caller records it and
/// retries later), and the next letter starts a new browser.
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<LetterOptions> options) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>
    /// Passed to Chromium as a switch it ignores (`--portal-printer=TAG`), so an operator can tell this printer's
    /// browser among processes (`pgrep -f portal-printer=TAG`).
    /// </summary>
    public string InstanceTag { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Called with the page loaded, just before printing; lets a test crash Chromium at that moment.</summary>
    internal Func<Task>? BeforePrint { get; set; }

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var page = await PageAsync(cancellationToken);
        var healthy = false;
        try
        {
            await page.SetContentAsync(html);
            if (BeforePrint is { } beforePrint)
            {
                await beforePrint();
            }

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
        catch (PlaywrightException) when (page.Context.Browser is not { IsConnected: true } || page.IsClosed)
        {
            // The browser died under this letter: the next one starts a new browser.
            await DropBrowserAsync(page.Context.Browser);
            throw;
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
                await ClosePageAsync(page);
            }
        }
    }

    /// <summary>For hosts disposed synchronously: closes the browser so no Chromium process outlives the portal.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await DropBrowserAsync(_browser);
        _playwright?.Dispose();
        _playwright = null;
    }

    /// <summary>A pooled page, or a new one; a browser found dead before printing starts is replaced once.</summary>
    private async Task<IPage> PageAsync(CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken);
        while (_idle.TryTake(out var idle))
        {
            if (!idle.IsClosed && browser.IsConnected)
            {
                return idle;
            }
        }

        try
        {
            return await browser.NewPageAsync();
        }
        catch (PlaywrightException)
        {
            await DropBrowserAsync(browser);
            return await (await BrowserAsync(cancellationToken)).NewPageAsync();
        }
    }

    private static async Task ClosePageAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Its browser is gone already.
        }
    }

    /// <summary>Drops the given browser if it is still the current one (another letter may have replaced it already).</summary>
    private async Task DropBrowserAsync(IBrowser? dead)
    {
        await _start.WaitAsync();
        try
        {
            if (dead is not null && _browser == dead)
            {
                _idle.Clear();
                try
                {
                    await _browser.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // Crashed or killed: nothing left to close.
                }

                _browser = null;
            }
        }
        finally
        {
            _start.Release();
        }
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

            _idle.Clear();
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // As root Chromium needs --no-sandbox; the rest keep it off the network at start-up.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", $"--portal-printer={InstanceTag}"],
            });
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }
}
