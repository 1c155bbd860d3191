using System.Globalization;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Texts;

namespace PrivacyPortal.Domain.Deadlines;

/// <summary>Turns explanation steps into one sentence in Japanese or English, in the text catalogue's words.</summary>
public static class ExplanationText
{
    public static string Sentence(IEnumerable<ExplanationStep> steps, string language)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var parts = steps.Select(s => Render(s, language));
        return string.Join(TextCatalogue.Text(language, "Deadline.StepSeparator"), parts) + TextCatalogue.Text(language, "Deadline.SentenceEnd");
    }

    /// <summary>2026-12-11 in English, 2026年12月11日 in Japanese.</summary>
    public static string Date(DateOnly date, string language) =>
        language == TextCatalogue.Japanese ? JapaneseDates.Western(date) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// One step in the catalogue's words (Deadline.Step.&lt;kind&gt;). Every step text takes the same values: {0} the
    /// step's date, {1} its number of days or months, {2} its from-date, {3} what the clock waited for, {4} why a day
    /// was closed, {5} GDPR's further months, {6} the citation of APPI Art. 39.
    /// </summary>
    public static string Render(ExplanationStep step, string language)
    {
        ArgumentNullException.ThrowIfNull(step);
        string D(DateOnly? date) => date is { } d ? Date(d, language) : string.Empty;
        var key = step.Kind == StepKind.Months ? (step.Days == 1 ? "Deadline.Step.Months.One" : "Deadline.Step.Months.Extended") : $"Deadline.Step.{step.Kind}";
        var waiting = TextCatalogue.Text(language, $"Deadline.Waiting.{step.Reason?.ToString() ?? "None"}");
        return TextCatalogue.Format(
            language, key, D(step.Date), step.Days, D(step.From), waiting, step.Because?.In(language) ?? string.Empty,
            DeadlineCalculator.GdprFurtherMonths, Citation.Of("APPI Art. 39", language));
    }
}
