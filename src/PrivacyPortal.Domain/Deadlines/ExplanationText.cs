using System.Globalization;

namespace PrivacyPortal.Domain.Deadlines;

/// <summary>Turns explanation steps into one sentence in Japanese or English.</summary>
public static class ExplanationText
{
    public static string Sentence(IEnumerable<ExplanationStep> steps, string language)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var parts = steps.Select(s => Render(s, language));
        return language == "ja" ? string.Join("、", parts) + "。" : string.Join("; ", parts);
    }

    /// <summary>2026-12-11 in English, 2026年12月11日 in Japanese.</summary>
    public static string Date(DateOnly date, string language) =>
        language == "ja" ? $"{date.Year}年{date.Month}月{date.Day}日" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Render(ExplanationStep step, string language)
    {
        ArgumentNullException.ThrowIfNull(step);
        var ja = language == "ja";
        string D(DateOnly? date) => date is { } d ? Date(d, language) : string.Empty;
        var because = step.Because?.In(language) ?? string.Empty;
        return step.Kind switch
        {
            StepKind.Received => ja ? $"{D(step.Date)}受付" : $"Received {D(step.Date)}",
            StepKind.ReceiptDayNotCounted => ja ? "受付日は算入せず" : "day of receipt not counted",
            StepKind.InternalTarget => ja ? $"社内目標{step.Days}日" : $"internal target {step.Days} days",
            StepKind.EscalationAfter => ja ? $"{step.Days}日目にエスカレーション" : $"escalation at day {step.Days}",
            StepKind.Paused => ja ? $"{Waiting(step.Reason, ja)}で{step.Days}日停止" : $"paused {step.Days} days {Waiting(step.Reason, ja)}",
            StepKind.PausedSoFar => ja
                ? $"{D(step.From)}から{Waiting(step.Reason, ja)}で停止中（これまで{step.Days}日）"
                : $"paused since {D(step.From)} {Waiting(step.Reason, ja)} ({step.Days} days so far)",
            StepKind.PauseNotCounted => ja
                ? $"{Waiting(step.Reason, ja)}の期間は期限を止めない"
                : $"time {Waiting(step.Reason, ja)} does not stop this clock",
            StepKind.PauseTooLate => ja
                ? $"本人確認の依頼が受付から{step.Days}日を過ぎた{D(step.From)}のため期間は停止しない"
                : $"identity was asked for on {D(step.From)}, more than {step.Days} days after receipt, so the period is not suspended",
            StepKind.Months => (step.Days, ja) switch
            {
                (1, true) => $"1か月後{D(step.Date)}",
                (1, false) => $"one month: {D(step.Date)}",
                (_, true) => $"{step.Days}か月後（2か月延長）{D(step.Date)}",
                (_, false) => $"{step.Days} months (extended by two further months): {D(step.Date)}",
            },
            StepKind.MonthEndClamped => ja ? $"応当日がないため月末{D(step.Date)}" : $"no such day that month, so its last day {D(step.Date)}",
            StepKind.RolledForward => ja
                ? $"{D(step.From)}は{because}のため翌営業日{D(step.Date)}"
                : $"{D(step.From)} is closed ({because}), so the next working day {D(step.Date)}",
            StepKind.Due => ja ? $"期限{D(step.Date)}" : $"due {D(step.Date)}",
            StepKind.TargetDate => ja ? $"回答予定日{D(step.Date)}" : $"target date {D(step.Date)}",
            StepKind.FirstMonthEnds => ja ? $"最初の1か月の末日{D(step.Date)}" : $"the first month ends {D(step.Date)}",
            StepKind.FurtherMonths => ja ? $"そこから{step.Days}か月延長して{D(step.Date)}" : $"{step.Days} further months from then: {D(step.Date)}",
            StepKind.SendBy => ja ? $"発送予定日{D(step.Date)}" : $"send by {D(step.Date)}",
            StepKind.SendByPreviousBusinessDay => ja
                ? $"{D(step.From)}は{because}のため前営業日{D(step.Date)}までに発送"
                : $"{D(step.From)} is closed ({because}), so send by the previous business day {D(step.Date)}",
            StepKind.EscalateOn => ja ? $"エスカレーション{D(step.Date)}" : $"escalate on {D(step.Date)}",
            StepKind.TwoWeeksEnd => ja ? $"2週間の経過{D(step.Date)}" : $"two weeks end {D(step.Date)}",
            StepKind.EarliestSuit => ja
                ? $"訴えの提起が可能になる日{D(step.Date)}（個人情報保護法第39条）"
                : $"earliest day to file a lawsuit {D(step.Date)} (APPI Art. 39)",
            StepKind.ExtensionNoticeBy => ja ? $"延長する場合の通知期限{D(step.Date)}" : $"notify any extension by {D(step.Date)}",
            StepKind.BusinessDaysCountingReceipt => ja
                ? $"受付日を含め{step.Days}営業日{D(step.Date)}"
                : $"{step.Days} business days counting the day of receipt: {D(step.Date)}",
            StepKind.CalendarDaysCountingReceipt => ja
                ? $"受付日を含め{step.Days}日{D(step.Date)}"
                : $"{step.Days} days counting the day of receipt: {D(step.Date)}",
        };
    }

    private static string Waiting(PauseReason? reason, bool ja) => (reason, ja) switch
    {
        (PauseReason.AwaitingIdentityDocuments, true) => "本人確認書類待ち",
        (PauseReason.AwaitingIdentityDocuments, false) => "awaiting identity documents",
        (PauseReason.AwaitingFee, true) => "手数料待ち",
        (PauseReason.AwaitingFee, false) => "awaiting the fee",
        (PauseReason.AwaitingClarification, true) => "内容の確認待ち",
        (PauseReason.AwaitingClarification, false) => "awaiting clarification",
        (null, true) => "待機",
        (null, false) => "waiting",
    };
}
