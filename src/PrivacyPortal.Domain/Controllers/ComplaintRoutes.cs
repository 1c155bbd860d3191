using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Controllers;

/// <summary>One place a person who disagrees with an answer can turn to.</summary>
public sealed record ComplaintRoute(string Kind, LocalizedText Name, string? Phone, LocalizedText? Detail);

/// <summary>
/// Where a person can go when a request is not fully granted (APPI Art. 40; GDPR Arts. 12(4), 77, 79), in the order
/// a letter lists them: the company's own desk, the Personal Information Protection Commission for every APPI
/// business, an accredited organisation only where the policy says the company is a member, and for GDPR the
/// supervisory authority and the courts.
/// </summary>
public static class ComplaintRoutes
{
    public const string OwnDesk = "own-desk";
    public const string Commission = "commission";
    public const string Accredited = "accredited-organisation";
    public const string SupervisoryAuthority = "supervisory-authority";
    public const string Court = "court";

    // The Commission's consultation line for the public on the APPI (個人情報保護法相談ダイヤル), as the Commission
    // publishes it at https://www.ppc.go.jp/personalinfo/pipldial/ (checked 2026-12-02).
    public static readonly ComplaintRoute PersonalInformationProtectionCommission = new(
        Commission,
        LocalizedText.Of("個人情報保護委員会（個人情報保護法相談ダイヤル）", "Personal Information Protection Commission, Japan (APPI consultation line)"),
        "03-6457-9849",
        LocalizedText.Of("9:30～17:30（土日祝日及び年末年始を除く）", "9:30-17:30 Japan time, except weekends, national holidays and the year-end holidays"));

    private static readonly LocalizedText AnySupervisoryAuthority = LocalizedText.Of(
        "お住まいの国、勤務地又は違反があったとされる地の EU・EEA 加盟国の監督機関（GDPR第77条）",
        "The supervisory authority of the EU or EEA member state where you live, work or where the alleged infringement took place (GDPR Art. 77)");

    private static readonly LocalizedText JudicialRemedy = LocalizedText.Of(
        "管理者に対する実効的な司法救済を求めること（GDPR第79条）",
        "Seeking an effective judicial remedy against the controller in the courts (GDPR Art. 79)");

    private static readonly LocalizedText Art39Suit = LocalizedText.Of(
        "裁判所に訴えを提起すること（個人情報保護法第39条：請求が到達した日から2週間を経過した後、又は請求を拒まれた後）",
        "Bringing a claim in court (APPI Art. 39: two weeks after the request reached the company, or once it has been refused)");

    /// <summary>The routes for a request of these types; the court line only where Art. 39 or GDPR Art. 79 applies.</summary>
    public static IReadOnlyList<ComplaintRoute> For(ProcedureProfile profile, IEnumerable<string> requestTypeIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var types = requestTypeIds.Select(RequestType.Find).OfType<RequestType>().ToList();
        var routes = new List<ComplaintRoute>();
        if (profile.Desk is { } desk)
        {
            routes.Add(new(OwnDesk, desk.Name, desk.Phone, desk.Email is null ? null : LocalizedText.Of(desk.Email, desk.Email)));
        }

        if (types.Any(t => t.Regime == Regime.Appi))
        {
            routes.Add(PersonalInformationProtectionCommission);
            routes.AddRange(profile.Complaints.Where(c => c.Kind == Accredited).Select(c => new ComplaintRoute(Accredited, c.Name, c.Phone, c.Desk)));
        }

        if (types.Any(t => t.Regime == Regime.Gdpr))
        {
            var authorities = profile.Complaints.Where(c => c.Kind == SupervisoryAuthority).ToList();
            routes.AddRange(authorities.Count > 0
                ? authorities.Select(c => new ComplaintRoute(SupervisoryAuthority, c.Name, c.Phone, AnySupervisoryAuthority))
                : [new ComplaintRoute(SupervisoryAuthority, AnySupervisoryAuthority, null, null)]);
        }

        if (types.Any(t => t.Art39Applies))
        {
            routes.Add(new(Court, Art39Suit, null, null));
        }

        if (types.Any(t => t.Regime == Regime.Gdpr))
        {
            routes.Add(new(Court, JudicialRemedy, null, null));
        }

        return routes;
    }
}
