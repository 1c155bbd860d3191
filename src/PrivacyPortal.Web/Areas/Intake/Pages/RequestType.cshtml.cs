using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>One request type under one policy: what it is, what it costs, what to send and where.</summary>
public sealed class RequestTypeModel(ProfileStore profiles, TimeProvider clock) : PageModel
{
    public CurrentProfile Current { get; private set; } = null!;

    public ProcedureView Procedure { get; private set; } = null!;

    public OfferView? Offer { get; private set; }

    /// <summary>Set when the type exists but this policy does not accept it; the page then says so with a 404.</summary>
    public RequestType? KnownTypeNotAccepted { get; private set; }

    public IReadOnlyList<OfferView> Accepted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string policyId, string requestTypeId, CancellationToken cancellationToken)
    {
        var current = await profiles.FindAsync(policyId, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        Current = current;
        Procedure = ProcedureView.For(current, JapanTime.Today(clock));
        Accepted = OfferView.For(current.Profile);
        Offer = Accepted.FirstOrDefault(o => o.Type.Id == requestTypeId);
        if (Offer is null)
        {
            // A helpful 404: name the policy and list what it does accept.
            KnownTypeNotAccepted = RequestType.Find(requestTypeId);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
