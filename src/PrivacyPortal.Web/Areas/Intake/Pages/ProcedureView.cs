using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>What the shared procedure sections show: the profile in force and worked dates for a request arriving today.</summary>
public sealed record ProcedureView(CurrentProfile Current, DateOnly Today, Deadline? Appi, Deadline? Gdpr)
{
    public static ProcedureView For(CurrentProfile current, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(current);
        var rules = DeadlineRules.For(current.Profile);
        Deadline? Example(Regime regime) => current.Profile.Has(regime)
            ? DeadlineCalculator.Compute(rules, regime, today, [], extended: false, asOf: today)
            : null;
        return new ProcedureView(current, today, Example(Regime.Appi), Example(Regime.Gdpr));
    }
}
