using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// The background worker: every registered job in a loop of its own, each run in a new scope, on the job's cadence
/// measured with the TimeProvider. Nothing a job throws leaves its loop (it is logged with the job's name, counted,
/// and shown in /health), so one failing job neither stops another nor the host; cancellation ends every loop.
/// Hosted by the web app unless Worker:Enabled is false; `portal worker` hosts the same registrations alone.
/// </summary>
public sealed class PortalJobHost(
    IServiceScopeFactory scopes,
    IEnumerable<PortalJobType> jobTypes,
    PortalJobStatus status,
    TimeProvider clock,
    IOptions<WorkerOptions> options,
    ILogger<PortalJobHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Let start-up finish (migrations, the first requests) before the jobs begin.
        await Task.Yield();
        var jobs = new List<(Type Type, string Name, TimeSpan Cadence)>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var jobType in jobTypes)
            {
                var job = (IPortalJob)scope.ServiceProvider.GetRequiredService(jobType.Type);
                jobs.Add((jobType.Type, job.Name, job.Cadence));
                status.Registered(job.Name, job.Cadence);
            }
        }

        logger.LogInformation("Worker started: {Jobs}", string.Join(", ", jobs.Select(j => $"{j.Name} every {j.Cadence.TotalSeconds:0.#} s")));
        await Task.WhenAll(jobs.Select(job => Task.Run(() => LoopAsync(job.Type, job.Name, job.Cadence, stoppingToken), CancellationToken.None)));
    }

    private async Task LoopAsync(Type type, string name, TimeSpan cadence, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var job = (IPortalJob)scope.ServiceProvider.GetRequiredService(type);
                if (!job.RunsAlone)
                {
                    more = await job.RunOnceAsync(stoppingToken);
                }
                else
                {
                    more = await scope.ServiceProvider.GetRequiredService<JobLeases>().RunAloneAsync(name, () => job.RunOnceAsync(stoppingToken), stoppingToken);
                }

                status.Succeeded(name, clock.GetUtcNow().UtcDateTime);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The point of the host: whatever a job throws (a Chromium crash included) is logged and the loop goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                status.Failed(name, ex, clock.GetUtcNow().UtcDateTime);
                logger.LogError(ex, "Job {Job} failed; it runs again in {Cadence} s", name, cadence.TotalSeconds);
            }

            if (more)
            {
                continue;
            }

            try
            {
                await Task.Delay(cadence, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>
/// One item of a job's batch: if it fails, the failure is logged with the job's name and counted, the item's unsaved
/// changes are dropped so the next item saves cleanly, and the job moves on to the next item.
/// </summary>
public sealed class JobItems(PortalJobStatus status, TimeProvider clock, ILogger<JobItems> logger)
{
    public async Task<bool> TryAsync(string job, Data.PortalDbContext db, object item, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work();
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of one item is that item's: the rest of the batch goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            status.ItemFailed(job, ex, clock.GetUtcNow().UtcDateTime);
            logger.LogError(ex, "Job {Job}: item {Item} failed; going on with the next", job, item);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is Microsoft.EntityFrameworkCore.EntityState.Added or Microsoft.EntityFrameworkCore.EntityState.Modified or Microsoft.EntityFrameworkCore.EntityState.Deleted).ToList())
            {
                entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            }

            return false;
        }
    }
}
