using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Admin;

/// <summary>A procedure profile in the browser: saving makes a new version, open requests keep theirs.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class ProfileModel(ProfileStore profiles, ProfileEditor editor, IStringLocalizer text) : StaffPage
{
    public const int MaxJsonLength = 200_000;

    public string PolicyId { get; private set; } = string.Empty;

    public int Version { get; private set; }

    public string Json { get; private set; } = string.Empty;

    public int? Saved { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<ProfileFileProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int? saved)
    {
        if (await profiles.FindAsync(id, HttpContext.RequestAborted) is not { } current)
        {
            return NotFound();
        }

        PolicyId = id;
        Version = current.Version;
        Json = ProfileLoader.ToEditableJson(current.Profile);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int baseVersion, string? json)
    {
        if (await profiles.FindAsync(id, HttpContext.RequestAborted) is not { } current)
        {
            return NotFound();
        }

        PolicyId = id;
        Version = baseVersion;
        Json = json ?? string.Empty;
        if (Json.Length is 0 or > MaxJsonLength)
        {
            Message = text["Staff.Profiles.TooLong"];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var result = await editor.SaveAsync(id, baseVersion, Json, User.Identity?.Name ?? "administrator", HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case ProfileEditOutcome.Saved:
            case ProfileEditOutcome.Unchanged:
                return Redirect($"/staff/admin/profiles/{id}?saved={result.Version}");
            case ProfileEditOutcome.NotFound:
                return NotFound();
            case ProfileEditOutcome.ChangedMeanwhile:
                Message = text["Staff.Profiles.ChangedMeanwhile"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                Message = text["Staff.Profiles.Invalid"];
                Problems = result.Problems;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Version = current.Version;
                return Page();
        }
    }
}
