using Microsoft.AspNetCore.Authorization;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Admin;

[Authorize(Roles = StaffRoles.Administrator)]
public sealed class ProfilesModel(ProfileStore profiles) : StaffPage
{
    public IReadOnlyList<CurrentProfile> Profiles { get; private set; } = [];

    public async Task OnGetAsync() => Profiles = await profiles.ListAsync(null, HttpContext.RequestAborted);
}
