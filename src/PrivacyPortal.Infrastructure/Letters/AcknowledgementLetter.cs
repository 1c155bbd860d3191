using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>What an acknowledgement letter says: who writes, to whom, about which request, and when to expect the answer.</summary>
public sealed record AcknowledgementLetter(
    DataControllerProfile Controller,
    ProcedureProfile Profile,
    string RequesterName,
    string Reference,
    DateOnly LetterDate,
    IReadOnlyList<RequestType> Types,
    Deadline Deadline)
{
    /// <summary>The letter as HTML for printing: letterhead, date (Japanese dates, optionally with the era year), body, desk.</summary>
    public string ToHtml(string language, bool eraYear)
    {
        var layout = new LetterLayout(Controller, Profile, language, eraYear);
        var ja = layout.Japanese;
        string T(string? text) => LetterLayout.T(text);
        var body = $"""
            <p>{(ja ? "以下のとおり、ご請求を受け付けましたのでお知らせします。" : "We confirm that we have received your request as follows.")}</p>
            <dl>
              <dt>{(ja ? "受付番号" : "Reference")}</dt><dd>{T(Reference)}</dd>
              <dt>{(ja ? "受付日" : "Received")}</dt><dd>{layout.D(Deadline.ReceivedOn)}</dd>
              <dt>{(ja ? "ご請求の内容" : "Request")}</dt><dd>{T(string.Join(ja ? "、" : ", ", Types.Select(t => t.Name.In(language))))}</dd>
              <dt>{(ja ? "回答の目安" : "Answer expected by")}</dt><dd>{layout.D(Deadline.DueOn)}<br><small>{T(Deadline.Explain(language))}</small></dd>
            </dl>
            <p>{(ja ? "本人確認書類や手数料が必要な場合は、別途ご案内します。" : "If identity documents or a fee are needed, we will tell you separately.")}</p>
            """;
        return layout.Wrap(ja ? "個人情報に関するご請求の受付について" : "Acknowledgement of your request concerning personal data", Reference, LetterDate, RequesterName, body);
    }
}
