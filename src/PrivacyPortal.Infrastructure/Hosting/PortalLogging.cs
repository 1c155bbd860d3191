using System.Text;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Sinks.File;

namespace PrivacyPortal.Infrastructure.Hosting;

public static class PortalLogging
{
    /// <summary>Owner read and write only: logs name cases and staff, and are nobody else's business on the machine.</summary>
    public const UnixFileMode LogFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Structured logs to the console and a daily rolling JSON file in the data directory (`logs/portal-DATE.log`,
    /// 31 kept). The folder is created owner-only and every file is made owner-only when it is opened. The "Serilog"
    /// configuration section overrides levels and sinks.
    /// </summary>
    public static LoggerConfiguration Configure(LoggerConfiguration builder, IConfiguration configuration, string dataDirectory, bool consoleToStandardError = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var logs = Path.Combine(dataDirectory, "logs");
        CreateOwnerOnlyDirectory(logs);
        builder
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // The request log line itself (one per request, secrets redacted by the web layer).
            .MinimumLevel.Override("Serilog.AspNetCore.RequestLoggingMiddleware", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.With<RedactedRequestPathEnricher>()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: consoleToStandardError ? LogEventLevel.Verbose : null,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                new Serilog.Formatting.Json.JsonFormatter(renderMessage: true),
                Path.Combine(logs, "portal-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                hooks: new OwnerOnlyFiles());
        if (configuration.GetSection("Serilog").Exists())
        {
            builder.ReadFrom.Configuration(configuration);
        }

        return builder;
    }

    private static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The file sink creates files with the process umask (usually world-readable): narrow each as it opens.</summary>
    private sealed class OwnerOnlyFiles : FileLifecycleHooks
    {
        public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, LogFileMode);
            }

            return base.OnFileOpened(path, underlyingStream, encoding);
        }
    }
}
