using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Hosting;

/// <summary>Validates profiles, migrates and imports before the server starts; any failure stops the host.</summary>
public sealed class PortalStartupService(IServiceProvider services, ILogger<PortalStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PortalInitializer.InitializeAsync(services, cancellationToken);
        }
        catch (ProfileLoadException ex)
        {
            logger.LogCritical("The portal cannot start. {Problems}", ex.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
