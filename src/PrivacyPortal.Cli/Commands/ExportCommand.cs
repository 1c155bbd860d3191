using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal export requests|audit|admin-audit --from DATE --to DATE [--controller ID] --format csv|jsonl --out FILE:
/// the same export as the auditor area's, for scheduled use. A progress line goes to stderr every 10,000 rows; the
/// export is recorded on the administration trail as the operator's.
/// </summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = (context.Command.Positionals.Count > 0 ? context.Command.Positionals[0] : null) switch
        {
            "requests" => ExportKind.Requests,
            "audit" => ExportKind.Audit,
            "admin-audit" => ExportKind.AdminAudit,
            var other => throw new UsageException($"export needs what to export: requests, audit or admin-audit{(other is null ? string.Empty : $", not '{other}'")}."),
        };
        var from = context.Command.Date("from");
        var to = context.Command.Date("to");
        if (to < from)
        {
            throw new UsageException("--to is before --from.");
        }

        if (!ExportWriter.TryParse(context.Command.Required("format"), out var format))
        {
            throw new UsageException("--format must be csv or jsonl.");
        }

        var output = context.Command.Required("out");
        var controller = context.Command.Option("controller");
        await using var scope = context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (controller is not null && !await db.DataControllers.AnyAsync(c => c.Id == controller))
        {
            await context.Error.WriteLineAsync($"portal: no controller '{controller}'.");
            return ExitCodes.NotFound;
        }

        var filter = new RequestLogFilter { From = from, To = to, Controller = controller };
        var readable = RequestLog.Received(db.Requests.AsNoTracking());
        var exports = scope.ServiceProvider.GetRequiredService<AuditExports>();
        var partial = output + ".part";
        long rows;
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            rows = await exports.ExportAsync(kind, filter, format, file, readable, $"operator ({Environment.UserName}, portal export)", n => context.Error.Write($"\rexported {n.ToString("N0", CultureInfo.InvariantCulture)} rows"), CancellationToken.None);
        }

        // The file appears under its name only when complete, so a scheduled job never picks up half an export.
        File.Move(partial, output, overwrite: true);
        await context.Error.WriteLineAsync($"\rexported {rows.ToString("N0", CultureInfo.InvariantCulture)} rows to {output}");
        return ExitCodes.Ok;
    }
}
