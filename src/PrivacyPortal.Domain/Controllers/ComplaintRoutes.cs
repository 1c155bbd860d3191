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
        LocalizedText.Catalogued("Complaint.Commission.Name"),
        "03-6457-9849",
        LocalizedText.Catalogued("Complaint.Commission.Hours"));

    private static readonly LocalizedText AnySupervisoryAuthority = LocalizedText.Catalogued("Complaint.SupervisoryAuthority");

    private static readonly LocalizedText JudicialRemedy = LocalizedText.Catalogued("Complaint.JudicialRemedy");

    private static readonly LocalizedText Art39Suit = LocalizedText.Catalogued("Complaint.Art39Suit");

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
