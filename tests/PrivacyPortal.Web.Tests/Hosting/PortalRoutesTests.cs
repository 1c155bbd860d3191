using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Hosting;

/// <summary>Links written by jobs and emails come from the route catalogue, and each one reaches the page it names.</summary>
public sealed partial class PortalRoutesTests
{
    [Fact]
    public async Task EveryTemplateInTheCatalogue_IsThatOfAPage()
    {
        var pages = await PageRoutesAsync();

        Assert.All(PortalRoutes.Templates, template => Assert.Contains(template, pages));
    }

    [Fact]
    public async Task EachLinkTheCatalogueBuilds_MatchesItsPage_AndOnlyThatOne()
    {
        var pages = await PageRoutesAsync();
        var routes = PortalRoutes.Instance;
        var id = Guid.NewGuid();
        (string Path, string Template)[] links =
        [
            (routes.Confirm("tok_en-123"), PortalRoutes.ConfirmTemplate),
            (routes.Status("tok_en-123"), PortalRoutes.StatusTemplate),
            (routes.NewStatusLink, PortalRoutes.NewStatusLinkTemplate),
            (routes.StaffSignIn, PortalRoutes.StaffSignInTemplate),
            (routes.StaffCase(id), PortalRoutes.StaffCaseTemplate),
            (routes.SetPassword("user id", "a+b/c="), PortalRoutes.SetPasswordTemplate),
            (routes.Person("tok_en-123"), PortalRoutes.PersonTemplate),
        ];

        foreach (var (link, template) in links)
        {
            var path = link.Split('?')[0];
            var matching = pages.Where(page => Matches(page, path)).ToList();
            Assert.Equal([template], matching);
        }

        Assert.Equal($"/staff/cases/{id:D}", routes.StaffCase(id));
        // Values are escaped, so a token or id can never add a segment or a query of its own.
        Assert.Equal("/staff/set-password?user=user%20id&token=a%2Bb%2Fc%3D", routes.SetPassword("user id", "a+b/c="));
        Assert.Equal("/r/a%2Fb", routes.Status("a/b"));
    }

    [Fact]
    public async Task TheWebAppAndTheCli_HandJobsTheCatalogue()
    {
        await using var factory = new PortalFactory();
        Assert.IsType<PortalRoutes>(factory.Services.GetRequiredService<IPortalPaths>());

        // The CLI compiles the same file (as an internal type) and registers it for `portal worker` and its commands.
        var cliPaths = typeof(PrivacyPortal.Cli.PortalProgram).Assembly.GetType("PrivacyPortal.Web.Hosting.PortalRoutes");
        Assert.NotNull(cliPaths);
        Assert.True(typeof(IPortalPaths).IsAssignableFrom(cliPaths));
    }

    /// <summary>
    /// Infrastructure (the jobs, the notice composer, the accounts service) names no page's address: a string
    /// literal there that starts a path with a page's first segment means a link built outside the catalogue.
    /// </summary>
    [Fact]
    public async Task Infrastructure_SpellsNoPagePath()
    {
        var firstSegments = (await PageRoutesAsync())
            .Select(route => route.TrimStart('/').Split('/')[0])
            .Where(segment => segment.Length > 0 && !segment.StartsWith('{'))
            .ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Infrastructure");
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
            {
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match literal in StringLiteral().Matches(line))
                {
                    foreach (Match path in PathStart().Matches(literal.Value))
                    {
                        if (firstSegments.Contains(path.Groups["segment"].Value))
                        {
                            offences.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{number}: {literal.Value}");
                        }
                    }
                }
            }
        }

        Assert.Contains("r", firstSegments);
        Assert.Contains("staff", firstSegments);
        Assert.Empty(offences);
    }

    private static bool Matches(string template, string path) =>
        new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary()).TryMatch(new PathString(path), new RouteValueDictionary());

    private static async Task<IReadOnlyList<string>> PageRoutesAsync()
    {
        await using var factory = new PortalFactory();
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Distinct()
            .ToList();
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?:^""|[}""\s])/(?<segment>[a-z][a-z-]*)(?=[/?{""]|$)")]
    private static partial Regex PathStart();
}
