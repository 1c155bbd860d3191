using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal deadline --controller ID --type TYPE --received DATE [--regime appi|gdpr|ccpa] [--pause FROM..TO[:reason]]...
/// [--as-of DATE] [--extended] [--json]: every date the regime sets for such a request, each with its explanation.
/// The regime defaults to the request type's own (APPI for disclosure, GDPR for access, ...).
/// </summary>
public static class DeadlineCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = context.Command;
        var typeId = command.Required("type");
        var received = command.Date("received");
        var pauses = command.All("pause").Select(ParsePause).ToList();
        var asOf = command.Option("as-of") is { } asOfText
            ? CommandLine.ParseDate("as-of", asOfText)
            : Domain.Calendars.JapanTime.Today(context.Services.GetRequiredService<TimeProvider>());
        Regime? requestedRegime = command.Option("regime") is { } regimeText
            ? Regimes.TryParse(regimeText, out var parsed) ? parsed : throw new UsageException($"--regime must be appi, gdpr or ccpa, not '{regimeText}'.")
            : null;

        var current = await CurrentProfiles.FindAsync(context);
        if (current is null)
        {
            return ExitCodes.NotFound;
        }

        var type = RequestType.Find(typeId);
        if (type is null || current.Profile.Offer(typeId) is not { Accepted: true })
        {
            await context.Error.WriteLineAsync(
                $"portal: {current.PolicyId} does not accept request type '{typeId}'. Accepted: {string.Join(", ", current.Profile.AcceptedTypes().Select(t => t.Type.Id))}");
            return ExitCodes.NotFound;
        }

        var regime = requestedRegime ?? type.Regime;
        var deadline = DeadlineCalculator.Compute(DeadlineRules.For(current.Profile), regime, received, pauses, command.Flag("extended"), asOf);
        if (!command.Flag("json"))
        {
            foreach (var date in deadline.Dates)
            {
                await context.Out.WriteLineAsync($"{Kebab(date.Kind),-20} {date.Date:yyyy-MM-dd}  {date.Explain("en")}");
            }

            return ExitCodes.Ok;
        }

        string? DateOf(DeadlineKind kind) => deadline.Find(kind)?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var result = new
        {
            controller = current.PolicyId,
            type = typeId,
            profileVersion = current.Version,
            regime = regime.Id(),
            regimeEnabled = current.Profile.Has(regime),
            received = received.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            extended = deadline.Extended,
            pauses = pauses.Select(p => new { from = p.From, to = p.To, days = p.DaysAsOf(asOf), reason = Kebab(p.Reason) }),
            dueOn = DateOf(DeadlineKind.Due),
            sendBy = DateOf(DeadlineKind.SendBy),
            escalationOn = DateOf(DeadlineKind.Escalation),
            earliestSuitOn = DateOf(DeadlineKind.EarliestSuit),
            extensionNoticeBy = DateOf(DeadlineKind.ExtensionNoticeBy),
            acknowledgeBy = DateOf(DeadlineKind.AcknowledgeBy),
            optOutBy = DateOf(DeadlineKind.OptOutBy),
            explanation = new { ja = deadline.Explain("ja"), en = deadline.Explain("en") },
            dates = deadline.Dates.Select(d => new
            {
                kind = Kebab(d.Kind),
                date = d.Date,
                explanation = new { ja = d.Explain("ja"), en = d.Explain("en") },
                steps = d.Steps.Select(s => new { kind = Kebab(s.Kind), date = s.Date, days = s.Days, from = s.From, reason = s.Reason is { } r ? Kebab(r) : null }),
            }),
        };
        await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, ProfileJson.Indented));
        return ExitCodes.Ok;
    }

    /// <summary>FROM..TO, FROM..TO:fee, FROM.. (still waiting).</summary>
    private static ClockPause ParsePause(string value)
    {
        var reasonSplit = value.Split(':', 2);
        var reason = reasonSplit.Length == 1 ? PauseReason.AwaitingIdentityDocuments : reasonSplit[1] switch
        {
            "identity" => PauseReason.AwaitingIdentityDocuments,
            "fee" => PauseReason.AwaitingFee,
            "clarification" => PauseReason.AwaitingClarification,
            _ => throw new UsageException($"--pause reason must be identity, fee or clarification, not '{reasonSplit[1]}'."),
        };
        var range = reasonSplit[0].Split("..", 2);
        if (range.Length != 2)
        {
            throw new UsageException($"--pause must be FROM..TO (or FROM.. while still waiting), not '{value}'.");
        }

        var from = CommandLine.ParseDate("pause", range[0]);
        DateOnly? to = range[1].Length == 0 ? null : CommandLine.ParseDate("pause", range[1]);
        return new ClockPause(from, to, reason);
    }

    private static string Kebab<T>(T value)
        where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
