using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>What every letter shares: the controller's letterhead and desk, the date, the addressee, the contact footer.</summary>
public sealed class LetterLayout(DataControllerProfile controller, ProcedureProfile profile, string language, bool eraYear)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public bool Japanese => language == "ja";

    public static string T(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>Japanese dates as 2026年11月24日, optionally with the era year; English as 24 November 2026.</summary>
    public string D(DateOnly date) => Japanese
        ? (eraYear ? $"{JapaneseDates.Era(date)}（{JapaneseDates.Western(date)}）" : JapaneseDates.Western(date))
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public string Wrap(string title, string reference, DateOnly letterDate, string requesterName, string body)
    {
        var desk = profile.Desk!;
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html><html lang="{{language}}"><head><meta charset="utf-8"><title>{{T(title)}} {{T(reference)}}</title>
            <style>
              body { font-family: "IPAexMincho", "IPAexGothic", serif; font-size: 11pt; line-height: 1.7; color: #000; }
              header { border-bottom: 2px solid #000; margin-bottom: 12mm; }
              .date, .sender { text-align: right; }
              h1 { font-size: 15pt; text-align: center; margin: 8mm 0; }
              h2 { font-size: 12pt; margin: 6mm 0 2mm; }
              dl { display: grid; grid-template-columns: 40mm 1fr; gap: 1mm 4mm; }
              dt { font-weight: bold; } dd { margin: 0; }
              footer { margin-top: 12mm; border-top: 1px solid #000; font-size: 9.5pt; }
            </style></head><body>
            <header><p class="sender"><strong>{{T(controller.Name.In(language))}}</strong><br>{{T(desk.Name.In(language))}}{{(profile.Officer is { } officer ? "<br>" + T(officer.Title.In(language)) : string.Empty)}}</p></header>
            <p class="date">{{D(letterDate)}}</p>
            <p>{{T(requesterName)}}{{(Japanese ? " 様" : string.Empty)}}</p>
            <h1>{{T(title)}}</h1>
            {{body}}
            <footer><p>{{(Japanese ? "お問い合わせ先" : "Contact")}}: {{T(desk.Name.In(language))}}
            """);
        if (desk.Address is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<br>{(desk.PostalCode is null ? string.Empty : "〒" + T(desk.PostalCode) + " ")}{T(desk.Address.In(language))}");
        }

        if (desk.Email is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<br>{T(desk.Email)}");
        }

        if (desk.Phone is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<br>{T(desk.Phone)}");
        }

        html.Append("</p></footer></body></html>");
        return html.ToString();
    }
}
