using Microsoft.AspNetCore.Mvc.RazorPages;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>The home page: what the portal is for, and the companies it serves.</summary>
public sealed class IndexModel(ProfileStore profiles) : PageModel
{
    public IReadOnlyList<CurrentProfile> Policies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Policies = await profiles.ListAsync(search: null, cancellationToken);
}
