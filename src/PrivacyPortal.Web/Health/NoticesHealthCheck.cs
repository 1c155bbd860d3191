using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Web.Health;

/// <summary>Notices given up after their attempts, and notices waiting for more than an hour, need an administrator.</summary>
public sealed class NoticesHealthCheck(PortalDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hourAgo = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var failed = await db.Notices.CountAsync(n => n.FailedAtUtc != null, cancellationToken);
        var stuck = await db.Notices.CountAsync(n => n.SentAtUtc == null && n.FailedAtUtc == null && n.CreatedAtUtc < hourAgo, cancellationToken);
        var data = new Dictionary<string, object> { ["failed"] = failed, ["waitingOverAnHour"] = stuck };
        return failed == 0 && stuck == 0
            ? HealthCheckResult.Healthy("Notices are going out.", data)
            : HealthCheckResult.Degraded($"{failed} notice(s) given up, {stuck} waiting over an hour: check the mail settings.", data: data);
    }
}
