using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;

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

        string D(DateOnly d, string language) => ExplanationText.Date(d, language);
        if (rule.From == "fiscal-year-of-completion")
        {
            var fiscalYear = FiscalYear.Containing(completedOn, rule.FiscalYearStartMonth);
            var countFrom = fiscalYear.Next().Start;
            var disposeFrom = countFrom.AddYears(years);
            var keepUntil = disposeFrom.AddDays(-1);
            return new RetentionPeriod(completedOn, keepUntil, disposeFrom, LocalizedText.Of(
                $"{D(completedOn, "ja")}回答完了（{fiscalYear.Name}年度）、翌年度初日{D(countFrom, "ja")}から{years}年間、{D(keepUntil, "ja")}まで保存、{D(disposeFrom, "ja")}から廃棄。",
                $"Completed {D(completedOn, "en")} (FY{fiscalYear.Name}); {years} year(s) counted from the next fiscal year's first day {D(countFrom, "en")}; kept until {D(keepUntil, "en")}; disposed of from {D(disposeFrom, "en")}"));
        }

        var until = completedOn.AddYears(years);
        var from = until.AddDays(1);
        return new RetentionPeriod(completedOn, until, from, LocalizedText.Of(
            $"{D(completedOn, "ja")}回答完了、初日不算入で{years}年間、{D(until, "ja")}まで保存、{D(from, "ja")}から廃棄。",
            $"Completed {D(completedOn, "en")}; {years} year(s), the day of completion not counted; kept until {D(until, "en")}; disposed of from {D(from, "en")}"));
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
}
