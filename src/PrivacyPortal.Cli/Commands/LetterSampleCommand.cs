using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Infrastructure.Letters;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal letter-sample --controller ID --letter acknowledgement --lang ja|en [--era] --out FILE.pdf: a letter with
/// sample data, so an administrator can check a controller's letterhead and desk before real letters go out.
/// </summary>
public static class LetterSampleCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var letter = context.Command.Required("letter");
        if (letter != "acknowledgement")
        {
            throw new UsageException($"--letter '{letter}' is not a letter type; available: acknowledgement.");
        }

        var language = context.Command.Required("lang");
        if (language is not ("ja" or "en"))
        {
            throw new UsageException("--lang must be ja or en.");
        }

        var output = Path.GetFullPath(context.Command.Required("out"));
        var current = await CurrentProfiles.FindAsync(context);
        if (current is null)
        {
            return ExitCodes.NotFound;
        }

        var today = JapanTime.Today(context.Services.GetRequiredService<TimeProvider>());
        var (type, _) = current.Profile.AcceptedTypes()[0];
        var deadline = DeadlineCalculator.Compute(DeadlineRules.For(current.Profile), type.Regime, today, [], extended: false, today);
        var sample = new AcknowledgementLetter(
            current.Controller, current.Profile, language == "ja" ? "山田 花子" : "Hanako Yamada",
            $"{current.Controller.ReferencePrefix}-{today.Year}-000123", today, [type], deadline);
        try
        {
            var pdf = await context.Services.GetRequiredService<ChromiumPdfPrinter>().PrintAsync(sample.ToHtml(language, context.Command.Flag("era")), CancellationToken.None);
            await File.WriteAllBytesAsync(output, pdf);
        }
        catch (PdfPrinterUnavailableException ex)
        {
            await context.Error.WriteLineAsync($"portal: {ex.Message}");
            return ExitCodes.Failure;
        }

        await context.Out.WriteLineAsync($"Wrote {output}");
        return ExitCodes.Ok;
    }
}
