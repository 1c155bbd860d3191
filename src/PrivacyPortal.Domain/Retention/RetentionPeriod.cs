using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Texts;

namespace PrivacyPortal.Domain.Retention;

/// <summary>How long a request's records are kept after its response was completed, and why.</summary>
public sealed record RetentionPeriod(DateOnly CompletedOn, DateOnly KeepUntil, DateOnly DisposeFrom, LocalizedText Explanation)
{
    /// <summary>
    /// The retention a profile publishes, or null when the policy does not publish one.
    /// "N years from the fiscal year in which the response was completed" counts from the first day of the next
    /// fiscal year: completed 2024-06-10, N = 1, April start -> kept until 2026-03-31, disposed of from 2026-04-01.
    /// "N years from completion" follows Civil Code Arts. 140 and 143: the day of completion is not counted and
    /// the period ends on the day N years later.
    /// </summary>
    public static RetentionPeriod? For(RetentionRule rule, DateOnly completedOn)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Status != PublicationStatus.Published || rule.Years is not { } years)
        {
            return null;
        }

        if (rule.From == "fiscal-year-of-completion")
        {
            var fiscalYear = FiscalYear.Containing(completedOn, rule.FiscalYearStartMonth);
            var countFrom = fiscalYear.Next().Start;
            var disposeFrom = countFrom.AddYears(years);
            var keepUntil = disposeFrom.AddDays(-1);
            return new RetentionPeriod(completedOn, keepUntil, disposeFrom, Explained("Retention.FromNextFiscalYear", completedOn, years, keepUntil, disposeFrom, countFrom, fiscalYear.Name));
        }

        var until = completedOn.AddYears(years);
        var from = until.AddDays(1);
        return new RetentionPeriod(completedOn, until, from, Explained("Retention.FromCompletion", completedOn, years, until, from, null, null));
    }

    /// <summary>
    /// When identity document images are deleted: as soon as verification is done (data minimisation), unless the
    /// profile keeps them; then they follow the request record's retention. Null means "with the record".
    /// </summary>
    public static DateOnly? IdentityImagesDeletedOn(IdentityRequirements identity, DateOnly verifiedOn)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.KeepDocumentImagesAfterVerification ? null : verifiedOn;
    }

    /// <summary>
    /// The period in both languages, in the catalogue's words: {0} completed, {1} years, {2} kept until, {3} disposed
    /// of from, {4} the day counting starts, {5} the fiscal year.
    /// </summary>
    private static LocalizedText Explained(string key, DateOnly completedOn, int years, DateOnly keptUntil, DateOnly disposedFrom, DateOnly? countFrom, int? fiscalYear)
    {
        string In(string language) => TextCatalogue.Format(
            language, key, ExplanationText.Date(completedOn, language), years, ExplanationText.Date(keptUntil, language),
            ExplanationText.Date(disposedFrom, language), countFrom is { } from ? ExplanationText.Date(from, language) : null, fiscalYear);
        return LocalizedText.Of(In(TextCatalogue.Japanese), In(TextCatalogue.English));
    }
}
