using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PrivacyPortal.Web.Hosting;

/// <summary>
/// Behind a load balancer or reverse proxy: X-Forwarded-For and X-Forwarded-Proto are believed only from the
/// proxies named in ForwardedHeaders:KnownProxies (addresses) and ForwardedHeaders:KnownNetworks (CIDR), so the rate
/// limits and the audit see the client's address and the portal knows the request came in over HTTPS. A header
/// from anyone else is ignored: a client cannot choose the address it is limited by.
/// </summary>
public static class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = List(configuration[$"{Section}:KnownProxies"]).Select(Address).ToList();
        var networks = List(configuration[$"{Section}:KnownNetworks"]).Select(Network).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With both lists empty ASP.NET Core would believe any sender: no proxy configured, no header believed.
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    private static string[] List(string? value) =>
        (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IPAddress Address(string value) =>
        IPAddress.TryParse(value, out var address) ? address : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{value}', which is not an IP address.");

    private static System.Net.IPNetwork Network(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network) ? network : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks holds '{value}', which is not a network in CIDR form (10.0.0.0/8).");
}
