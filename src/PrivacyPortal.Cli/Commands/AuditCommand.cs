using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal audit verify [--from SEQ] [--chain cases|admin] [--json]: recomputes the hash chains and names the first
/// broken link; exit code 5 when one is broken, so a scheduled run can alert.
/// </summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = (context.Command.Positionals.Count > 0 ? context.Command.Positionals[0] : null);
        if (action != "verify")
        {
            throw new UsageException("audit needs an action: verify.");
        }

        var from = context.Command.Option("from") is { } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 ? parsed : throw new UsageException("--from must be a sequence number, 1 or more.")
            : 1;
        var chains = context.Command.Option("chain") switch
        {
            null => new[] { AuditChain.Cases, AuditChain.Administration },
            AuditChain.Cases => [AuditChain.Cases],
            AuditChain.Administration => [AuditChain.Administration],
            var other => throw new UsageException($"--chain must be '{AuditChain.Cases}' or '{AuditChain.Administration}', not '{other}'."),
        };

        await using var scope = context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var reports = new List<ChainReport>();
        foreach (var chain in chains)
        {
            reports.Add(await AuditChainVerifier.VerifyAsync(db, chain, from));
        }

        if (context.Command.Flag("json"))
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(reports.Select(r => new
            {
                chain = r.Chain,
                intact = r.Intact,
                from = r.From,
                @checked = r.Checked,
                lastSeq = r.LastSeq,
                headSeq = r.HeadSeq,
                headHash = r.HeadHash,
                checkpointsMatched = r.CheckpointsMatched,
                brokenAt = r.Fault?.Seq,
                fault = r.Fault?.Kind.ToString(),
                message = r.Fault?.Message,
            }), ProfileJson.Indented));
        }
        else
        {
            foreach (var report in reports)
            {
                await context.Out.WriteLineAsync(report.Intact
                    ? $"{report.Chain}: intact, events {report.From}..{report.LastSeq} ({report.Checked} checked, {report.CheckpointsMatched} daily checkpoint(s) matched); head {report.HeadSeq} {report.HeadHash}"
                    : $"{report.Chain}: BROKEN at event {report.Fault!.Seq} ({report.Fault.Kind}): {report.Fault.Message}");
            }
        }

        return reports.All(r => r.Intact) ? ExitCodes.Ok : ExitCodes.ChainBroken;
    }
}
