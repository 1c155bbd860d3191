using System.Text.Json;
using PrivacyPortal.Domain.Retention;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Cli.Commands;

/// <summary>portal retention --controller ID --completed DATE [--json]: until when request records are kept, and from when disposed of.</summary>
public static class RetentionCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var completed = context.Command.Date("completed");
        var current = await CurrentProfiles.FindAsync(context);
        if (current is null)
        {
            return ExitCodes.NotFound;
        }

        var period = RetentionPeriod.For(current.Profile.Retention, completed);
        var images = RetentionPeriod.IdentityImagesDeletedOn(current.Profile.Identity, completed) is null
            ? "kept with the request record"
            : "deleted as soon as identity is verified";
        if (context.Command.Flag("json"))
        {
            var result = new
            {
                controller = current.PolicyId,
                completed,
                published = period is not null,
                keepUntil = period?.KeepUntil,
                disposeFrom = period?.DisposeFrom,
                explanation = period?.Explanation,
                identityDocumentImages = images,
                source = current.Profile.Retention.Source,
            };
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, ProfileJson.Indented));
            return ExitCodes.Ok;
        }

        if (period is null)
        {
            await context.Out.WriteLineAsync($"{current.PolicyId}: the policy does not publish how long request records are kept ({current.Profile.Retention.Source}).");
        }
        else
        {
            await context.Out.WriteLineAsync($"keep-until {period.KeepUntil:yyyy-MM-dd}");
            await context.Out.WriteLineAsync($"dispose-from {period.DisposeFrom:yyyy-MM-dd}");
            await context.Out.WriteLineAsync(period.Explanation.En);
        }

        await context.Out.WriteLineAsync($"identity document images: {images}");
        return ExitCodes.Ok;
    }
}
