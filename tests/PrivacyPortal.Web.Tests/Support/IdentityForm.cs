using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>The officer's identity-check form, every box ticked, as the case page's "Verify" action posts it.</summary>
public static class IdentityForm
{
    public static Dictionary<string, string> Ticked(string kind) => new()
    {
        ["documentKind"] = kind, ["nameMatches"] = "true", ["addressMatches"] = "true", ["currentAndValid"] = "true", ["masked"] = "true",
    };

    /// <summary>The first identity document the policy accepts.</summary>
    public static string FirstAcceptedKind(string policy) =>
        IdentityCheck.AcceptedKinds(SeedTheories.Seeds.Profiles.Single(p => p.Profile.Id == policy).Profile)[0].Id;

    public static Dictionary<string, string> TickedFor(string policy) => Ticked(FirstAcceptedKind(policy));
}
