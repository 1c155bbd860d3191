using Microsoft.Extensions.Hosting;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Cli.Commands;

/// <summary>portal worker: the background worker alone, for deployments that run it apart from the web app.</summary>
public static class WorkerCommand
{
    public static async Task<int> RunAsync(CommandContext context, IHost host)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(host);
        await PortalInitializer.InitializeAsync(context.Services);
        await context.Out.WriteLineAsync("worker started");
        await context.Out.FlushAsync();
        await host.RunAsync();
        return ExitCodes.Ok;
    }
}
