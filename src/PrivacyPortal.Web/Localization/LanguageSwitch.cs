using Microsoft.AspNetCore.Localization;

namespace PrivacyPortal.Web.Localization;

public static class LanguageSwitch
{
    /// <summary>
    /// GET /language/{ja|en}?returnUrl=/...: remembers the choice in a cookie and goes back. A plain link, so the
    /// switcher works without JavaScript; only local return URLs are followed.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext context) =>
        {
            if (!Languages.All.Contains(language))
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            var target = !string.IsNullOrEmpty(returnUrl) && IsLocal(returnUrl) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        });
        return endpoints;
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
