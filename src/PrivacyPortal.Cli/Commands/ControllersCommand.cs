using System.Text.Json;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Cli.Commands;

/// <summary>portal controllers [--json]: every policy in force with its controller, regimes and accepted request types.</summary>
public static class ControllersCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policies = await CurrentProfiles.ListAsync(context.Services);
        if (context.Command.Flag("json"))
        {
            var rows = policies.Select(p => new
            {
                id = p.PolicyId,
                controllerId = p.Controller.Id,
                name = new { ja = p.Controller.Name.Ja, en = p.Controller.Name.En },
                policy = new { ja = p.Profile.Policy.Title.Ja, en = p.Profile.Policy.Title.En },
                version = p.Version,
                regimes = p.Profile.Regimes,
                requestTypes = p.Profile.AcceptedTypes().Select(t => t.Type.Id).ToList(),
            });
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(rows, ProfileJson.Indented));
            return ExitCodes.Ok;
        }

        foreach (var p in policies)
        {
            await context.Out.WriteLineAsync(
                $"{p.PolicyId,-22} {string.Join('+', p.Profile.Regimes),-10} {p.Controller.Name.In("en")}: {string.Join(", ", p.Profile.AcceptedTypes().Select(t => t.Type.Id))}");
        }

        return ExitCodes.Ok;
    }
}
