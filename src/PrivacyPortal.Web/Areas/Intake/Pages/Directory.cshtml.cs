using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>The searchable directory of controllers and their policies.</summary>
public sealed class DirectoryModel(ProfileStore profiles) : PageModel
{
    public const int MaxQueryLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public bool QueryTooLong { get; private set; }

    public IReadOnlyList<CurrentProfile> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Query?.Trim();
        if (query is { Length: > MaxQueryLength })
        {
            // Keep what the person typed in the box, say what is wrong, and show everything meanwhile.
            QueryTooLong = true;
            query = null;
        }

        Results = await profiles.ListAsync(query, cancellationToken);
    }
}
