using System.Text;
using System.Text.Encodings.Web;
using PrivacyPortal.Domain.Calendars;
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
        var ja = language == "ja";
        var e = HtmlEncoder.Default;
        string T(string? text) => e.Encode(text ?? string.Empty);
        string D(DateOnly date) => ja
            ? (eraYear ? $"{JapaneseDates.Era(date)}（{JapaneseDates.Western(date)}）" : JapaneseDates.Western(date))
            : date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var desk = Profile.Desk!;
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html><html lang="{{language}}"><head><meta charset="utf-8"><title>{{(ja ? "受付のお知らせ" : "Acknowledgement")}} {{T(Reference)}}</title>
            <style>
              body { font-family: "IPAexMincho", "IPAexGothic", serif; font-size: 11pt; line-height: 1.7; color: #000; }
              header { border-bottom: 2px solid #000; margin-bottom: 12mm; }
              .date, .sender { text-align: right; }
              h1 { font-size: 15pt; text-align: center; margin: 8mm 0; }
              dl { display: grid; grid-template-columns: 40mm 1fr; gap: 1mm 4mm; }
              dt { font-weight: bold; } dd { margin: 0; }
              footer { margin-top: 12mm; border-top: 1px solid #000; font-size: 9.5pt; }
            </style></head><body>
            <header><p class="sender"><strong>{{T(Controller.Name.In(language))}}</strong><br>{{T(desk.Name.In(language))}}</p></header>
            <p class="date">{{D(LetterDate)}}</p>
            <p>{{T(RequesterName)}}{{(ja ? " 様" : string.Empty)}}</p>
            <h1>{{(ja ? "個人情報に関するご請求の受付について" : "Acknowledgement of your request concerning personal data")}}</h1>
            <p>{{(ja ? "以下のとおり、ご請求を受け付けましたのでお知らせします。" : "We confirm that we have received your request as follows.")}}</p>
            <dl>
              <dt>{{(ja ? "受付番号" : "Reference")}}</dt><dd>{{T(Reference)}}</dd>
              <dt>{{(ja ? "受付日" : "Received")}}</dt><dd>{{D(Deadline.ReceivedOn)}}</dd>
              <dt>{{(ja ? "ご請求の内容" : "Request")}}</dt><dd>{{T(string.Join(ja ? "、" : ", ", Types.Select(t => t.Name.In(language))))}}</dd>
              <dt>{{(ja ? "回答の目安" : "Answer expected by")}}</dt><dd>{{D(Deadline.DueOn)}}<br><small>{{T(Deadline.Explain(language))}}</small></dd>
            </dl>
            <p>{{(ja ? "本人確認書類や手数料が必要な場合は、別途ご案内します。" : "If identity documents or a fee are needed, we will tell you separately.")}}</p>
            <footer><p>{{(ja ? "お問い合わせ先" : "Contact")}}: {{T(desk.Name.In(language))}}
            """);
        if (desk.Address is not null)
        {
            html.Append($"<br>{(desk.PostalCode is null ? string.Empty : "〒" + T(desk.PostalCode) + " ")}{T(desk.Address.In(language))}");
        }

        if (desk.Email is not null)
        {
            html.Append($"<br>{T(desk.Email)}");
        }

        if (desk.Phone is not null)
        {
            html.Append($"<br>{T(desk.Phone)}");
        }

        html.Append("</p></footer></body></html>");
        return html.ToString();
    }
}
