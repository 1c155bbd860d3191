using System.Runtime.CompilerServices;

namespace PrivacyPortal.Web.Tests;

internal static class TestProcess
{
    /// <summary>
    /// Hundreds of test hosts start and stop in this process; inotify watchers for settings files and static assets
    /// would exhaust the per-user limit (128 on Debian). Tests need no file watching: poll, and never reload settings.
    /// </summary>
    [ModuleInitializer]
#pragma warning disable CA2255 // A test assembly's process-wide setting, before any host is built.
    internal static void Initialize()
#pragma warning restore CA2255
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
