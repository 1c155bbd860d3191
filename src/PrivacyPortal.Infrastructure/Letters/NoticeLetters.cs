using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>The fee request (APPI Art. 38): the amount, what it covers, how to pay and by when.</summary>
public sealed record FeeRequestLetter(
    DataControllerProfile Controller,
    ProcedureProfile Profile,
    string RequesterName,
    string Reference,
    DateOnly LetterDate,
    Money Amount,
    DateOnly? PayBy)
{
    public string ToHtml(string language, bool eraYear)
    {
        var layout = new LetterLayout(Controller, Profile, language, eraYear);
        var ja = layout.Japanese;
        var schedule = Profile.Fees.FirstOrDefault(f => f.Amount.IsPublished());
        var methods = schedule?.Payment.Methods.Select(m => $"<li>{LetterLayout.T(m.In(language))}</li>") ?? [];
        var payBy = PayBy is { } date ? layout.D(date) : LetterLayout.T(schedule?.Payment.Window?.In(language) ?? (ja ? "別途ご案内します" : "as we will tell you"));
        var body = $"""
            <p>{(ja ? "ご請求の手続には、次の手数料が必要です。お支払いを確認するまで、回答までの期間は進みません。" : "Your request carries the following fee. The time to answer does not run until payment is confirmed.")}</p>
            <dl>
              <dt>{(ja ? "受付番号" : "Reference")}</dt><dd>{LetterLayout.T(Reference)}</dd>
              <dt>{(ja ? "手数料" : "Fee")}</dt><dd>{LetterLayout.T(Amount.Format(language))}</dd>
              <dt>{(ja ? "お支払い期限" : "Pay by")}</dt><dd>{payBy}</dd>
            </dl>
            <h2>{(ja ? "お支払い方法" : "How to pay")}</h2><ul>{string.Concat(methods)}</ul>
            """;
        return layout.Wrap(ja ? "手数料のお支払いのお願い" : "Fee for your request", Reference, LetterDate, RequesterName, body);
    }
}

/// <summary>GDPR Art. 12(3): the period is extended by two further months, with the reasons and the new date.</summary>
public sealed record ExtensionLetter(
    DataControllerProfile Controller,
    ProcedureProfile Profile,
    string RequesterName,
    string Reference,
    DateOnly LetterDate,
    string Reasons,
    Deadline Deadline)
{
    public string ToHtml(string language, bool eraYear)
    {
        var layout = new LetterLayout(Controller, Profile, language, eraYear);
        var ja = layout.Japanese;
        var body = $"""
            <p>{(ja ? "GDPR第12条第3項に基づき、回答の期間をさらに2か月延長いたします。" : "As GDPR Art. 12(3) allows, we are extending the time to answer by two further months.")}</p>
            <dl>
              <dt>{(ja ? "受付番号" : "Reference")}</dt><dd>{LetterLayout.T(Reference)}</dd>
              <dt>{(ja ? "新しい回答期限" : "New date")}</dt><dd>{layout.D(Deadline.DueOn)}<br><small>{LetterLayout.T(Deadline.Explain(language))}</small></dd>
            </dl>
            <h2>{(ja ? "延長の理由" : "Reasons")}</h2><p>{LetterLayout.T(Reasons)}</p>
            """;
        return layout.Wrap(ja ? "回答期間の延長のお知らせ" : "Extension of the time to answer", Reference, LetterDate, RequesterName, body);
    }
}
