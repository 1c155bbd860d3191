using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Hosting;

/// <summary>In Production: HSTS on HTTPS and HTTP redirected to HTTPS, whether TLS ends at the portal or at a known proxy.</summary>
public sealed class TransportSecurityTests
{
    private const string PublicHost = "privacy.example.jp";

    [Fact]
    public async Task InProduction_AnHttpsResponse_CarriesHstsForAYearWithSubdomains()
    {
        await using var factory = new PortalFactory();
        await using var production = InProduction(factory);
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{PublicHost}"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("GET", "/requests?lang=ja")]
    [InlineData("POST", "/staff/login")]
    public async Task InProduction_PlainHttp_IsRedirectedToHttps_KeepingPathQueryAndMethod(string method, string path)
    {
        await using var factory = new PortalFactory();
        await using var production = InProduction(factory);
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{PublicHost}"), AllowAutoRedirect = false });

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://{PublicHost}{path}"), response.Headers.Location);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https", HttpStatusCode.OK, true)]
    [InlineData("http", HttpStatusCode.PermanentRedirect, false)]
    public async Task BehindAKnownProxy_TheForwardedSchemeDecides(string forwardedProto, HttpStatusCode expected, bool hsts)
    {
        await using var factory = new PortalFactory { Settings = { ["ForwardedHeaders:KnownProxies"] = ForwardedHeadersTests.Balancer } };
        await using var production = InProduction(ForwardedHeadersTests.Behind(factory));
        // TLS ends at the proxy: the portal itself is spoken to over HTTP.
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{PublicHost}"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(hsts, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AForwardedSchemeFromAnUnknownSender_IsIgnored()
    {
        await using var factory = new PortalFactory();
        await using var production = InProduction(ForwardedHeadersTests.Behind(factory));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{PublicHost}"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
    }

    [Fact]
    public async Task InProduction_HealthOverPlainHttp_AnswersTheBalancer()
    {
        await using var factory = new PortalFactory();
        await using var production = InProduction(factory);
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://10.0.0.5"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OutsideProduction_NeitherHstsNorRedirection()
    {
        await using var factory = new PortalFactory { Settings = { ["Portal:PublicBaseUrl"] = $"https://{PublicHost}" } };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{PublicHost}"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static WebApplicationFactory<Program> InProduction(WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("Portal:PublicBaseUrl", $"https://{PublicHost}"));
}
