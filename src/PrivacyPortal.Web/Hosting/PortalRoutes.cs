using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Web.Hosting;

/// <summary>
/// The route catalogue: the address of every page that something outside a request links to (emails, letters, jobs,
/// redirects). A page's <c>@page</c> directive must be a literal, so the templates are repeated there once;
/// PortalRoutesTests fails when a template here matches no page. This file is also compiled into the CLI, whose
/// worker and commands write the same links (there as an internal type, so that a project seeing both has one).
/// </summary>
#if PORTAL_CLI
internal
#else
public
#endif
sealed class PortalRoutes : IPortalPaths
{
    public const string ConfirmTemplate = "/confirm/{token}";
    public const string StatusTemplate = "/r/{token}";
    public const string NewStatusLinkTemplate = "/status-link";
    public const string StaffSignInTemplate = "/staff/login";
    public const string StaffCaseTemplate = "/staff/cases/{id:guid}";
    public const string SetPasswordTemplate = "/staff/set-password";
    public const string PersonTemplate = "/p/{token}";

    /// <summary>Every template above, for the test that checks each names a page.</summary>
    public static IReadOnlyList<string> Templates { get; } = [ConfirmTemplate, StatusTemplate, NewStatusLinkTemplate, StaffSignInTemplate, StaffCaseTemplate, SetPasswordTemplate, PersonTemplate];

    public static PortalRoutes Instance { get; } = new();

    public string Confirm(string token) => Fill(ConfirmTemplate, token);

    public string Status(string token) => Fill(StatusTemplate, token);

    public string Person(string token) => Fill(PersonTemplate, token);

    public string NewStatusLink => NewStatusLinkTemplate;

    public string StaffSignIn => StaffSignInTemplate;

    public string StaffCase(Guid id) => Fill(StaffCaseTemplate, id.ToString("D"));

    public string SetPassword(string userId, string token) =>
        $"{SetPasswordTemplate}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    /// <summary>The template with its one parameter segment (<c>{name}</c> or <c>{name:constraint}</c>) filled in.</summary>
    private static string Fill(string template, string value)
    {
        var start = template.IndexOf('{', StringComparison.Ordinal);
        var end = template.IndexOf('}', start);
        return string.Concat(template.AsSpan(0, start), Uri.EscapeDataString(value), template.AsSpan(end + 1));
    }
}
