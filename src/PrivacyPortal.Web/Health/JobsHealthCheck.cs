using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Web.Health;

/// <summary>The background jobs of this process: degraded while any job's last run failed, naming it and its error.</summary>
public sealed class JobsHealthCheck(PortalJobStatus status, IOptions<WorkerOptions> worker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!worker.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The worker runs in another process (Worker:Enabled is false)."));
        }

        var jobs = status.Jobs;
        var data = jobs.ToDictionary(
            j => j.Name,
            j => (object)new { runs = j.Runs, failures = j.Failures, itemFailures = j.ItemFailures, failing = j.IsFailing, lastSucceededAtUtc = j.LastSucceededAtUtc, lastError = j.LastError });
        var failing = jobs.Where(j => j.IsFailing).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{jobs.Count} job(s) running.", data)
            : HealthCheckResult.Degraded($"Failing: {string.Join(", ", failing.Select(j => $"{j.Name} ({j.LastError})"))}", data: data));
    }
}
