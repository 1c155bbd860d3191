using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

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

            Remember(context, language);
            return Results.LocalRedirect(WithoutLanguage(Hosting.LocalReturnUrl.OrDefault(returnUrl, "/", "/")));
        });
        return endpoints;
    }

    /// <summary>
    /// The return URL without its own ?lang=: a page reached by a link that picked a language would otherwise come back
    /// in that language, as the query outranks the cookie the switch has just set.
    /// </summary>
    public static string WithoutLanguage(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var split = url.IndexOf('?', StringComparison.Ordinal);
        if (split < 0)
        {
            return url;
        }

        var kept = QueryHelpers.ParseQuery(url[(split + 1)..])
            .Where(pair => !string.Equals(pair.Key, "lang", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value)));
        return url[..split] + QueryString.Create(kept).ToUriComponent();
    }

    /// <summary>
    /// A language picked by a link (?lang=ja, as in the portal's Japanese emails) is remembered like the switch's
    /// choice, so the next step of a form, posted without the query, stays in it. Runs after request localization.
    /// </summary>
    public static IApplicationBuilder UseLanguageFromLink(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Query["lang"] is { Count: 1 } chosen && chosen[0] is { } language && Languages.All.Contains(language)
                && context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] != CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)))
            {
                Remember(context, language);
            }

            return next(context);
        });

    private static void Remember(HttpContext context, string language) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
}
