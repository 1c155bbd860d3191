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
            return Results.LocalRedirect(Hosting.LocalReturnUrl.OrDefault(returnUrl, "/", "/"));
        });
        return endpoints;
    }
}
