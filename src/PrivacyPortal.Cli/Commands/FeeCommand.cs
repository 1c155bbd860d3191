using System.Text.Json;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal fee --controller ID --type TYPE [--json]: the fee as the policy publishes it. "fee" is one of
/// none, charged, not-published (a fee applies but the amount is not published) or not-mentioned.
/// </summary>
public static class FeeCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var typeId = context.Command.Required("type");
        var current = await CurrentProfiles.FindAsync(context);
        if (current is null)
        {
            return ExitCodes.NotFound;
        }

        var policyId = current.PolicyId;

        var type = RequestType.Find(typeId);
        var offer = current.Profile.Offer(typeId);
        if (type is null || offer is not { Accepted: true })
        {
            await context.Error.WriteLineAsync(
                $"portal: {policyId} does not accept request type '{typeId}'. Accepted: {string.Join(", ", current.Profile.AcceptedTypes().Select(t => t.Type.Id))}");
            return ExitCodes.NotFound;
        }

        var quote = FeeQuote.For(current.Profile, typeId);
        var fee = quote.Outcome switch
        {
            FeeOutcome.None => "none",
            FeeOutcome.Charged => "charged",
            FeeOutcome.AmountNotPublished => "not-published",
            FeeOutcome.NotMentioned => "not-mentioned",
        };
        if (!context.Command.Flag("json"))
        {
            await context.Out.WriteLineAsync($"{policyId} {typeId}: {quote.Describe("en")}");
            return ExitCodes.Ok;
        }

        var result = new
        {
            controller = policyId,
            type = typeId,
            profileVersion = current.Version,
            fee,
            amountPublished = quote.Outcome is FeeOutcome.Charged or FeeOutcome.None,
            amountMinor = quote.Outcome switch
            {
                FeeOutcome.Charged => quote.Total!.Value.Minor,
                FeeOutcome.None => 0L,
                _ => (long?)null,
            },
            currency = quote.Total?.Currency ?? quote.Schedule?.Amount.Currency,
            taxIncluded = quote.Outcome == FeeOutcome.Charged ? true : (bool?)null,
            netMinor = quote.Net?.Minor,
            taxMinor = quote.Tax?.Minor,
            taxRatePercent = quote.TaxRatePercent,
            taxRounding = quote.Outcome == FeeOutcome.Charged ? "down" : null,
            per = quote.Schedule?.Per,
            charge = quote.Schedule?.Charge,
            covers = quote.Schedule?.Covers,
            description = new { ja = quote.Describe("ja"), en = quote.Describe("en") },
            source = quote.Schedule?.Source ?? offer.Source,
        };
        await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, ProfileJson.Indented));
        return ExitCodes.Ok;
    }
}
