using System.Net;
using System.Text.Json;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task OnAFreshDataFolder_StartUpMigratesImportsAndReportsHealthy()
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);
        var (details, _) = await admin.GetAsync("/health/details");
        using var json = JsonDocument.Parse(details);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var profiles = json.RootElement.GetProperty("checks").GetProperty("profiles");
        Assert.Equal(5, profiles.GetProperty("data").GetProperty("inDatabase").GetInt32());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "portal.db")));
    }

    [Fact]
    public async Task ABrokenProfile_StopsStartUp_NamingTheFileAndTheField()
    {
        using var seeds = TempDirectory.WithSeedsCopy();
        JsonEdit.Apply(seeds.File("ntt-smartconnect/ntt-smartconnect.json"), p => p["fees"]![0]!["amount"]!.AsObject().Remove("currency"));
        await using var factory = new PortalFactory { ProfilesDirectory = seeds.Path };

        var error = Assert.Throws<ProfileLoadException>(() => factory.CreateClient());

        Assert.Contains("ntt-smartconnect/ntt-smartconnect.json: fees[0].amount.currency: is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAutomaticMigration_AnUnmigratedDatabase_StopsStartUpSayingWhatToRun()
    {
        await using var factory = new PortalFactory { EmptyDatabase = true };
        var configured = factory.WithWebHostBuilder(b => b.UseSetting("Database:MigrateOnStartup", "false"));

        // No schema and no permission to migrate: the portal refuses to start rather than serve errors, and says what to do.
        var error = Assert.Throws<InvalidOperationException>(() => configured.CreateClient());

        Assert.Contains("Run 'portal migrate' first.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutChromium_ThePortalStillRuns_AndHealthSaysLettersCannotBePrinted()
    {
        await using var factory = new PortalFactory { Settings = new() { ["Letters:ChromiumPath"] = "/nonexistent/chromium" } };
        using var client = factory.CreateClient();

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);
        var (details, _) = await admin.GetAsync("/health/details");
        using var json = JsonDocument.Parse(details);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // Requesters are still served: a balancer keeps the instance; only the details say what is wrong.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"Healthy\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("letters cannot be printed", json.RootElement.GetProperty("checks").GetProperty("letters").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
