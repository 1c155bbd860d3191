using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Health;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Hosting;

/// <summary>Anonymous /health says only whether the portal serves; the details are for administrators or the management port.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task AnonymousHealth_SaysOnlyHealthy_AndNamesNothingOfTheSystem()
    {
        await using var factory = new PortalFactory { Settings = new() { ["Letters:ChromiumPath"] = "/nonexistent/chromium" } };
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"Healthy\"}", body);
        Assert.DoesNotContain("chromium", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Details_AreRefusedToAnonymousVisitorsAndOfficers_AndShownToAdministrators()
    {
        await using var factory = new PortalFactory { Settings = new() { ["Letters:ChromiumPath"] = "/nonexistent/chromium" } };
        using var anonymous = StaffClient.Anonymous(factory);
        using var officer = await StaffClient.SignInAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "nec");
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);

        var (asAnonymous, anonymousStatus) = await anonymous.GetAsync(HealthEndpoints.DetailsPath);
        var (asOfficer, officerStatus) = await officer.GetAsync(HealthEndpoints.DetailsPath);
        var (asAdmin, adminStatus) = await admin.GetAsync(HealthEndpoints.DetailsPath);

        Assert.NotEqual(HttpStatusCode.OK, anonymousStatus);
        Assert.DoesNotContain("/nonexistent/chromium", asAnonymous, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, officerStatus);
        Assert.DoesNotContain("/nonexistent/chromium", asOfficer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminStatus);
        using var json = JsonDocument.Parse(asAdmin);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("/nonexistent/chromium", asAdmin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheManagementPort_DetailsNeedNoSignIn_AndAHostHeaderNamingThatPortDoesNotOpenThemElsewhere()
    {
        var management = FreePort();
        await using var onManagement = new PortalFactory { Settings = new() { ["Health:ManagementPort"] = management.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        onManagement.UseKestrel(management);
        onManagement.StartServer();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{management}") };

        using var details = await probe.GetAsync(new Uri(HealthEndpoints.DetailsPath, UriKind.Relative));
        var body = await details.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);

        var publicPort = FreePort();
        await using var elsewhere = new PortalFactory { Settings = new() { ["Health:ManagementPort"] = management.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        elsewhere.UseKestrel(publicPort);
        elsewhere.StartServer();
        using var outsider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, HealthEndpoints.DetailsPath);
        request.Headers.Host = $"127.0.0.1:{management}";

        using var refused = await outsider.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("\"database\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, "Healthy")]
    [InlineData(HealthStatus.Degraded, "Healthy")]
    [InlineData(HealthStatus.Unhealthy, "Unhealthy")]
    public async Task TheAnonymousAnswer_FoldsDegradedIntoHealthy_AndKeepsUnhealthy(HealthStatus status, string expected)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var entries = new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(status, "sqlite at /srv/portal/portal.db", TimeSpan.Zero, null, new Dictionary<string, object> { ["pending"] = 0 }),
        };

        await HealthResponseWriter.WriteStatusAsync(context, new HealthReport(entries, TimeSpan.Zero));

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal($"{{\"status\":\"{expected}\"}}", body);
    }

    [Fact]
    public void AManagementPortOutsideTheTcpRange_StopsStartUp()
    {
        var factory = new PortalFactory { Settings = new() { ["Health:ManagementPort"] = "70000" } };

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Health:ManagementPort", error.Message, StringComparison.Ordinal);
        factory.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
