using PrivacyPortal.Domain.Calendars;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal business-days --controller ID --from DATE --add N: the Nth business day after DATE (DATE not counted)
/// on the policy's office calendar; 0 gives DATE itself when open, else the next open day; negative N counts back.
/// </summary>
public static class BusinessDaysCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = context.Command.Date("from");
        var add = context.Command.WholeNumber("add");
        if (Math.Abs(add) > 5000)
        {
            throw new UsageException("--add must be between -5000 and 5000.");
        }

        var current = await CurrentProfiles.FindAsync(context);
        if (current is null)
        {
            return ExitCodes.NotFound;
        }

        await context.Out.WriteLineAsync($"{BusinessCalendar.ForOffice(current.Profile).AddBusinessDays(from, add):yyyy-MM-dd}");
        return ExitCodes.Ok;
    }
}
