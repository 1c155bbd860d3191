using System.Text;
using PrivacyPortal.Domain.Cases;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>
/// The answer to a request: what was decided for each kind of request, the grounds and reasons for anything not
/// done (APPI Art. 33(3), 34(3), 35(7) and Art. 36; GDPR Art. 12(4)), and where the person can complain.
/// For an electronic disclosure it is the cover letter of the data sent with it.
/// </summary>
public sealed record DecisionLetter(
    DataControllerProfile Controller,
    ProcedureProfile Profile,
    string RequesterName,
    string Reference,
    DateOnly LetterDate,
    DateOnly ReceivedOn,
    IReadOnlyList<RequestItem> Items,
    DecisionOutcome Outcome,
    IReadOnlyList<DecisionGround> Grounds,
    string? Reasons)
{
    public string ToHtml(string language, bool eraYear)
    {
        var layout = new LetterLayout(Controller, Profile, language, eraYear);
        var ja = layout.Japanese;
        string T(string? text) => LetterLayout.T(text);
        var types = Items.Select(i => RequestType.Find(i.TypeId)).OfType<RequestType>().ToList();
        var disclosure = types.Any(t => t.Family == RequestFamily.Disclosure);
        var electronic = Items.Any(i => i.Details.GetValueOrDefault("method") == "electronic");
        var title = (disclosure, ja) switch
        {
            (true, true) => "保有個人データの開示等のご請求に対する回答",
            (true, false) => "Our answer to your request for disclosure",
            (false, true) => "個人情報に関するご請求に対する回答",
            (false, false) => "Our answer to your request concerning personal data",
        };
        var outcome = (Outcome, ja) switch
        {
            (DecisionOutcome.Fulfilled, true) => disclosure && electronic
                ? "ご請求のとおり対応します。開示する保有個人データは、電磁的記録により本書に添えてお送りします。"
                : "ご請求のとおり対応しました。",
            (DecisionOutcome.Fulfilled, false) => disclosure && electronic
                ? "We have done as you asked. The personal data disclosed is sent electronically with this letter."
                : "We have done as you asked.",
            (DecisionOutcome.PartiallyFulfilled, true) => "ご請求の一部に対応しました。対応しなかった部分とその理由は次のとおりです。",
            (DecisionOutcome.PartiallyFulfilled, false) => "We have done part of what you asked. What we did not do, and why, is set out below.",
            (DecisionOutcome.Refused, true) => "検討の結果、ご請求には対応しないことといたしました。理由は次のとおりです。",
            (DecisionOutcome.Refused, false) => "Having considered your request, we have decided not to act on it, for the reasons below.",
            (DecisionOutcome.NotHeld, true) => "ご請求に係る保有個人データは、当社では保有しておりません。",
            (DecisionOutcome.NotHeld, false) => "We hold no personal data of the kind your request concerns.",
        };
        var body = new StringBuilder();
        body.Append($"""
            <p>{(ja ? $"{layout.D(ReceivedOn)}に受け付けたご請求について、次のとおり回答します。" : $"This is our answer to the request we received on {layout.D(ReceivedOn)}.")}</p>
            <dl>
              <dt>{(ja ? "受付番号" : "Reference")}</dt><dd>{T(Reference)}</dd>
              <dt>{(ja ? "ご請求の内容" : "Request")}</dt><dd>{T(string.Join(ja ? "、" : ", ", types.Select(t => $"{t.Name.In(language)}（{t.Article}）")))}</dd>
            </dl>
            <h2>{(ja ? "回答" : "Our answer")}</h2>
            <p id="outcome">{outcome}</p>
            """);
        if (Grounds.Count > 0)
        {
            body.Append($"<h2>{(ja ? "根拠" : "Grounds")}</h2><ul>");
            foreach (var ground in Grounds)
            {
                body.Append($"<li>{T(ground.Text.In(language))}（{T(ground.Article)}）</li>");
            }

            body.Append("</ul>");
        }

        if (!string.IsNullOrWhiteSpace(Reasons))
        {
            body.Append($"<h2>{(ja ? "理由" : "Reasons")}</h2><p>{T(Reasons)}</p>");
        }

        if (Outcome is DecisionOutcome.Refused or DecisionOutcome.PartiallyFulfilled)
        {
            body.Append($"<h2>{(ja ? "ご不服がある場合" : "If you disagree")}</h2><p>{(ja ? "この回答にご不服がある場合は、次の機関にご相談いただけます。また、裁判所に訴えを提起することもできます。" : "If you disagree with this answer you may turn to the following bodies, or bring the matter to a court.")}</p><ul>");
            foreach (var complaint in Profile.Complaints)
            {
                body.Append($"<li>{T(complaint.Name.In(language))}{(complaint.Phone is null ? string.Empty : $"（{T(complaint.Phone)}）")}</li>");
            }

            body.Append("</ul>");
        }

        return layout.Wrap(title, Reference, LetterDate, RequesterName, body.ToString());
    }
}
