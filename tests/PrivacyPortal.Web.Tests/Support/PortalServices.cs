using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>The portal's own services (no web host) on the given settings, for seeding and reading back.</summary>
public static class PortalServices
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalInfrastructure(configuration, RepoPaths.Root);
        services.AddSingleton<IPortalPaths>(PrivacyPortal.Web.Hosting.PortalRoutes.Instance);
        return services.BuildServiceProvider();
    }
}
