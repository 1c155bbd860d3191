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

/// <summary>How a company takes requests, said the same way on every page: this portal's form first when the profile offers it, then the policy's channels.</summary>
public static class Channels
{
    public static string Describe(Domain.Controllers.ProcedureProfile profile, IEnumerable<string> policyChannels, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(text);
        var names = (profile.OnlineForm ? [text["Channel.portal"].Value] : Array.Empty<string>())
            .Concat(policyChannels.Distinct(StringComparer.Ordinal).Select(c => text[$"Channel.{c}"].Value));
        return string.Join(text["List.Separator"], names);
    }
}
