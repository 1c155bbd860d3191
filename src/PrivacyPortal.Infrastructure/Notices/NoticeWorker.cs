using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>
/// The background worker: every few seconds a scope and one run of each job (draft housekeeping, then the notices outbox). Hosted by
/// the web app unless Worker:Enabled is false; `portal worker` hosts the same service alone.
/// </summary>
public sealed class NoticeWorker(IServiceScopeFactory scopes, IOptions<WorkerOptions> options, ILogger<NoticeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var pause = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.PollSeconds));
        DateTime? digestsRanAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Jobs.DraftHousekeeping>().RunOnceAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Jobs.CaseHousekeeping>().RunOnceAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Jobs.LetterPrinting>().RunOnceAsync(stoppingToken);
                // Digests, escalations and retention change at most daily: a look every ten minutes is plenty.
                if (digestsRanAt is not { } ran || DateTime.UtcNow - ran > TimeSpan.FromMinutes(10))
                {
                    await scope.ServiceProvider.GetRequiredService<Jobs.StaffDigests>().RunOnceAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<Jobs.CaseHousekeeping>().PurgeExpiredRecordsAsync(stoppingToken);
                    digestsRanAt = DateTime.UtcNow;
                }

                sent = await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogError(ex, "The notices job failed; it runs again on the next tick.");
            }

            // A full batch means more are waiting: go again at once.
            if (sent < options.Value.BatchSize)
            {
                await Task.Delay(pause, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
