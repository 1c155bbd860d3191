using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Domain.Deadlines;

/// <summary>The per-controller settings the deadline calculator needs, taken from a profile.</summary>
public sealed record DeadlineRules(ResponseTargets Targets, BusinessCalendar Office, BusinessCalendar Gdpr)
{
    /// <summary>
    /// EDPB Guidelines 01/2022: the GDPR period is suspended while identity information is outstanding only when
    /// it was asked for without undue delay; the portal's default reading of "without undue delay" is 3 days.
    /// </summary>
    public const int GdprIdentityRequestWindowDays = 3;

    public static DeadlineRules For(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new DeadlineRules(profile.Targets, BusinessCalendar.ForOffice(profile), BusinessCalendar.ForGdpr(profile));
    }
}
