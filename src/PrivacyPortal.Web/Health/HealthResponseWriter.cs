using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PrivacyPortal.Web.Health;

/// <summary>Health as JSON: the status alone for anyone, or one entry per check (without exception details).</summary>
public static class HealthResponseWriter
{
    /// <summary>"Healthy" while the portal serves (Degraded included), "Unhealthy" when it cannot.</summary>
    public static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var status = report.Status == HealthStatus.Unhealthy ? HealthStatus.Unhealthy : HealthStatus.Healthy;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = status.ToString() }, JsonSerializerOptions.Web));
    }

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
