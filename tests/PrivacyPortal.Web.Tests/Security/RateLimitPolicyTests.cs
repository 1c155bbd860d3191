using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Security;

/// <summary>Rate limits are attached to pages, not matched by path: every page an anonymous visitor can post to carries one.</summary>
public sealed class RateLimitPolicyTests
{
    [Fact]
    public async Task EveryPublicPageThatTakesAPost_AndStaffSignIn_CarriesItsRateLimitPolicy()
    {
        await using var factory = new PortalFactory();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToList();

        string? PolicyOf(string route) =>
            Assert.Single(endpoints, e => Route(e) == route).Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

        Assert.Equal(AbuseProtection.SubmitPolicy, PolicyOf("/policies/{policyId}/file"));
        Assert.Equal(AbuseProtection.ConfirmPolicy, PolicyOf("/confirm/{token}"));
        Assert.Equal(AbuseProtection.StatusPolicy, PolicyOf("/r/{token}"));
        Assert.Equal(AbuseProtection.StatusLinkPolicy, PolicyOf("/status-link"));
        Assert.Equal(AbuseProtection.StaffSignInPolicy, PolicyOf("/staff/login"));
        Assert.Equal(AbuseProtection.StaffSignInPolicy, PolicyOf("/staff/login/code"));

        // Any public page with a POST handler, now or added later, must name one.
        var publicPosting = endpoints.Where(e => !Route(e).StartsWith("/staff", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is CompiledPageActionDescriptor page && page.HandlerMethods.Any(h => h.HttpMethod == "Post"))
            .ToList();
        Assert.NotEmpty(publicPosting);
        Assert.All(publicPosting, e => Assert.True(e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null, $"{Route(e)} takes a POST without a rate-limit policy"));
    }

    private static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
}
