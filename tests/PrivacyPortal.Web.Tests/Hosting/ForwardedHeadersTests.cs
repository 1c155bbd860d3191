using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Hosting;

/// <summary>
/// Behind a load balancer every request comes from its address: the rate limits see the client named in
/// X-Forwarded-For only when the balancer is a configured known proxy, and a header from anyone else changes nothing.
/// </summary>
public sealed class ForwardedHeadersTests
{
    internal const string Balancer = "10.0.0.1";

    [Fact]
    public async Task FromAKnownProxy_EachClientBehindIt_HasItsOwnLimit()
    {
        await using var factory = new PortalFactory { RateLimit = 2, Settings = { ["ForwardedHeaders:KnownProxies"] = Balancer } };
        await using var portal = Behind(factory);
        using var client = portal.CreateClient();

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], await StatusesAsync(client, "203.0.113.7", 3));
        // Another person behind the same balancer is not limited by the first one's requests.
        Assert.Equal([HttpStatusCode.NotFound], await StatusesAsync(client, "203.0.113.8", 1));
    }

    [Fact]
    public async Task WithoutAKnownProxy_TheHeaderIsIgnored_AndTheLimitIsTheSendersOwn()
    {
        await using var factory = new PortalFactory { RateLimit = 2 };
        await using var portal = Behind(factory);
        using var client = portal.CreateClient();

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], await StatusesAsync(client, "203.0.113.7", 2));
        // A client cannot escape its limit by naming another address.
        Assert.Equal([HttpStatusCode.TooManyRequests], await StatusesAsync(client, "203.0.113.8", 1));
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/r/{new string('a', 43)}");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>Every request arrives from the balancer's address, as it would through a real one.</summary>
    internal static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Behind(PortalFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FromBalancer())));

    private sealed class FromBalancer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Balancer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
