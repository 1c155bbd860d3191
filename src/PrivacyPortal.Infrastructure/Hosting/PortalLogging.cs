using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace PrivacyPortal.Infrastructure.Hosting;

public static class PortalLogging
{
    /// <summary>
    /// Structured logs to the console and a daily rolling file in the data directory. The "Serilog" section
    /// overrides levels and sinks.
    /// </summary>
    public static Serilog.ILogger Create(IConfiguration configuration, string dataDirectory)
    {
        var logFile = Path.Combine(dataDirectory, "logs", "portal-.log");
        var builder = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.HttpLogging", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(
                new Serilog.Formatting.Json.JsonFormatter(renderMessage: true),
                logFile,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31);
        if (configuration.GetSection("Serilog").Exists())
        {
            builder.ReadFrom.Configuration(configuration);
        }

        return builder.CreateLogger();
    }
}
