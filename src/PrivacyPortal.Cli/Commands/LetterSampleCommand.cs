using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Letters;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal letter-sample --controller ID --letter acknowledgement|fee-request|extension|decision --lang ja|en [--era] [--post] --out FILE.pdf: a letter
/// with sample data, so an administrator can check a controller's letterhead and desk before real letters go out; with --post,
/// the address block for a window envelope too, to hold the printed sheet against the office's envelopes.
/// </summary>
public static class LetterSampleCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var letter = context.Command.Required("letter");
        if (letter is not ("acknowledgement" or "fee-request" or "extension" or "decision"))
        {
            throw new UsageException($"--letter '{letter}' is not a letter type; available: acknowledgement, fee-request, extension, decision.");
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
        var name = language == "ja" ? "山田 花子" : "Hanako Yamada";
        var reference = $"{current.Controller.ReferencePrefix}-{today.Year}-000123";
        var era = context.Command.Flag("era");
        object model;
        if (letter == "acknowledgement")
        {
            model = new AcknowledgementLetter(current.Controller, current.Profile, name, reference, today, [type], deadline);
        }
        else if (letter == "fee-request")
        {
            var fee = FeeQuote.For(current.Profile, current.Profile.AcceptedTypes().Select(t => t.Type.Id));
            model = new FeeRequestLetter(current.Controller, current.Profile, name, reference, today, fee.Total ?? new Money(1100, "JPY"), fee.PaymentDueOn(today) ?? today.AddDays(14));
        }
        else if (letter == "extension")
        {
            var extended = DeadlineCalculator.Compute(DeadlineRules.For(current.Profile), Regime.Gdpr, today.AddDays(-10), [], extended: true, today);
            var reasons = language == "ja" ? "（見本）ご請求の対象となるデータが複数のシステムに分かれて保存されているため。" : "(Sample) The data you asked for is held in several separate systems.";
            model = new ExtensionLetter(current.Controller, current.Profile, name, reference, today, reasons, extended);
        }
        else
        {
            // A partial answer shows every part of the letter: outcome, a ground, reasons and the complaint routes.
            var grounds = DecisionGround.For(current.Profile, [type.Id]);
            var item = new RequestItem(type.Id, new Dictionary<string, string>(StringComparer.Ordinal) { ["method"] = "electronic" });
            var reasons = language == "ja" ? "（見本）一部の記録は、第三者の権利利益を害するおそれがあるため開示しません。" : "(Sample) Some records are withheld because disclosing them could harm a third party.";
            var decision = new ItemDecision(DecisionOutcome.PartiallyFulfilled, [.. grounds.Take(1).Select(g => g.Code)], reasons, null, null, null, context.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            model = DecisionLetter.Of(current.Controller, current.Profile, name, reference, today, today.AddDays(-10), [DecisionLetter.Item(type, item, decision, grounds)], DecisionOutcome.PartiallyFulfilled);
        }

        var addressee = context.Command.Flag("post")
            ? new PostalAddressee(name, "1000001", language == "ja" ? "東京都千代田区千代田1-1 見本ハイツ101号室" : "1-1 Chiyoda, Chiyoda-ku, Tokyo, Sample Heights 101")
            : null;
        var html = await context.Services.GetRequiredService<LetterRenderer>().RenderAsync(model, language, era, addressee);

        try
        {
            var pdf = await context.Services.GetRequiredService<ChromiumPdfPrinter>().PrintAsync(html, CancellationToken.None);
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
