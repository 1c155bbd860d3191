using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// The portal on real Kestrel (loopback, a free port, a fresh SQLite database) and Debian's Chromium driven by
/// Playwright. The browser bundled with Playwright is never downloaded.
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "portal-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    // A free port chosen up front: links in emails come from Portal:PublicBaseUrl alone, so it must be known before start.
    private readonly int _port = FreePort();

    public BrowserFixture()
    {
        UseKestrel(_port);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go: $PORTAL_TEST_OUTPUT/screenshots, or the test output folder.</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("PORTAL_TEST_OUTPUT") is { Length: > 0 } output
                ? output
                : Path.Combine(AppContext.BaseDirectory, "TestResults");
            var directory = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Run scripts/install-deps.sh test (Debian package 'chromium').");
        }

        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keep it off the (closed) network at start-up.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:DataDirectory", _data);
        // Outside Development the key ring must be encrypted: the run's certificate, outside the data folder.
        builder.UseSetting("DataProtection:CertificatePath", PrivacyPortal.Web.Tests.Support.TestCertificate.Shared);
        builder.UseSetting("DataProtection:CertificatePassword", PrivacyPortal.Web.Tests.Support.TestCertificate.Password);
        builder.UseSetting("Portal:PublicBaseUrl", $"http://127.0.0.1:{_port}");
        // The journey reads the confirmation link from the outbox, as the mail worker would.
        builder.UseSetting("Worker:Enabled", "false");
        // Many journeys sign staff in from this one address within a minute.
        builder.UseSetting("RateLimits:StaffSignInPerMinute", "1000");
        builder.UseSetting("Portal:ProfilesDirectory", Path.Combine(RepoRoot(), "seeds"));
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PrivacyPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PrivacyPortal.sln not found.");
    }
}
