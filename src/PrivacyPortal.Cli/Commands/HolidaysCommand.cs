using PrivacyPortal.Domain.Calendars;

namespace PrivacyPortal.Cli.Commands;

/// <summary>portal holidays --from DATE --to DATE: one CSV line per holiday, sorted: date,japanese name,english name.</summary>
public static class HolidaysCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = context.Command.Date("from");
        var to = context.Command.Date("to");
        if (to < from)
        {
            throw new UsageException("--to must not be before --from.");
        }

        foreach (var holiday in JapaneseHolidays.Between(from, to))
        {
            await context.Out.WriteLineAsync($"{holiday.Date:yyyy-MM-dd},{Csv(holiday.NameJa)},{Csv(holiday.NameEn)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>RFC 4180: quote a field that holds a comma, quote or line break.</summary>
    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
