using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Web.Hosting;

/// <summary>Absolute links for emails: Portal:PublicBaseUrl when set, else the address the request came in on.</summary>
public static class PublicLinks
{
    public static string To(HttpRequest request, PortalOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : options.PublicBaseUrl.TrimEnd('/');
        return baseUrl + path;
    }
}
