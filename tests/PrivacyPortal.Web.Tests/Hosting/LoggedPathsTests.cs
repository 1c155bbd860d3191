using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Web.Tests.Hosting;

/// <summary>The redaction applied to every path a log event carries, for paths no route template describes.</summary>
public sealed class LoggedPathsTests
{
    [Theory]
    [InlineData("/r/abc", "/r/{redacted}")]
    [InlineData("/confirm/x/extra", "/confirm/{redacted}/extra")]
    [InlineData("/R/abc", "/R/{redacted}")]
    [InlineData("/p/abc", "/p/{redacted}")]
    [InlineData("/anything/htiamA5XRar0k4Zsk6PwZ-R9lAkk8CXlVQvzMheUq", "/anything/{redacted}")]
    [InlineData("/r/{token}", "/r/{token}")]
    [InlineData("/policies/ntt-smartconnect/requests/disclosure", "/policies/ntt-smartconnect/requests/disclosure")]
    [InlineData("/staff/cases/7d7f8c1e-2a4b-4c4d-9e0f-1a2b3c4d5e6f", "/staff/cases/7d7f8c1e-2a4b-4c4d-9e0f-1a2b3c4d5e6f")]
    [InlineData("/", "/")]
    [InlineData("/r/", "/r/")]
    public void SecretSegmentsAreReplaced_AndEverythingElseKept(string path, string logged) =>
        Assert.Equal(logged, LoggedPaths.Redact(path));

    [Fact]
    public void EveryRouteThatCarriesASecret_IsRedacted_EvenWithAShortSecret()
    {
        var secretRoutes = Web.Hosting.PortalRoutes.Templates.Where(t => t.Contains("{token}", StringComparison.Ordinal)).ToList();

        Assert.Contains(Web.Hosting.PortalRoutes.StatusTemplate, secretRoutes);
        Assert.All(secretRoutes, template => Assert.Equal(template.Replace("{token}", "{redacted}", StringComparison.Ordinal), LoggedPaths.Redact(template.Replace("{token}", "short", StringComparison.Ordinal))));
    }
}
