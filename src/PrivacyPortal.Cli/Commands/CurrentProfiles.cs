using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Cli.Commands;

/// <summary>Reads the profiles in force, preparing the database first exactly as the web app's start-up does.</summary>
internal static class CurrentProfiles
{
    public static async Task<IReadOnlyList<CurrentProfile>> ListAsync(IServiceProvider services)
    {
        await PortalInitializer.InitializeAsync(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProfileStore>().ListAsync(search: null, CancellationToken.None);
    }
}
