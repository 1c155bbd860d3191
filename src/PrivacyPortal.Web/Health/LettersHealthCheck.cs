using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Letters;

namespace PrivacyPortal.Web.Health;

/// <summary>Letters need Chromium: without it the portal still runs, and says here that letters cannot be printed.</summary>
public sealed class LettersHealthCheck(IOptions<LetterOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.ChromiumPath;
        return Task.FromResult(File.Exists(path)
            ? HealthCheckResult.Healthy($"Chromium at {path}.")
            : HealthCheckResult.Degraded($"Chromium is not installed at {path}: letters cannot be printed until it is."));
    }
}
