using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>One policy's procedure in plain words: what can be asked, what it costs, what to send, where, and how long it takes.</summary>
public sealed class PolicyModel(ProfileStore profiles, TimeProvider clock) : PageModel
{
    public CurrentProfile Current { get; private set; } = null!;

    public ProcedureView Procedure { get; private set; } = null!;

    public IReadOnlyList<IGrouping<RequestFamily, OfferView>> Families { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string policyId, CancellationToken cancellationToken)
    {
        var current = await profiles.FindAsync(policyId, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        Current = current;
        Procedure = ProcedureView.For(current, JapanTime.Today(clock));
        Families = OfferView.For(current.Profile).GroupBy(o => o.Type.Family).ToList();
        return Page();
    }
}

/// <summary>A request type as a policy offers it, with its fee worked out.</summary>
public sealed record OfferView(RequestType Type, RequestTypeOffer Offer, FeeQuote Fee)
{
    public static IReadOnlyList<OfferView> For(ProcedureProfile profile) =>
        profile.AcceptedTypes().Select(pair => new OfferView(pair.Type, pair.Offer, FeeQuote.For(profile, pair.Type.Id))).ToList();
}
