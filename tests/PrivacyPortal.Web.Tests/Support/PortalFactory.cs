using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>The real web app on a fresh SQLite database in a temp folder, with the repository's or a test's own profiles.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();

    public string? ProfilesDirectory { get; init; }

    public string DataDirectory => _data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:DataDirectory", _data.Path);
        builder.UseSetting("Portal:ProfilesDirectory", ProfilesDirectory ?? RepoPaths.Seeds);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(FixedClock.Default));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
