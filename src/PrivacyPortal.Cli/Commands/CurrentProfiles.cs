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

    /// <summary>The policy named by --controller, or null after telling the operator which ids exist (exit code 3).</summary>
    public static async Task<CurrentProfile?> FindAsync(CommandContext context)
    {
        var policyId = context.Command.Required("controller");
        var policies = await ListAsync(context.Services);
        var current = policies.FirstOrDefault(p => p.PolicyId == policyId);
        if (current is null)
        {
            await context.Error.WriteLineAsync($"portal: unknown controller '{policyId}'. Known: {string.Join(", ", policies.Select(p => p.PolicyId))}");
        }

        return current;
    }
}
