using Microsoft.Extensions.DependencyInjection;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// A small unit of background work: the host runs it in its own scope, every <see cref="Cadence"/>, and catches
/// whatever it throws. Jobs are idempotent (a run that handles nothing changes nothing) and move on to the next item
/// when one item fails.
/// </summary>
public interface IPortalJob
{
    /// <summary>A short stable name for logs, /health and the administrators' page.</summary>
    string Name { get; }

    /// <summary>How long the host waits between runs while there is nothing more to do.</summary>
    TimeSpan Cadence { get; }

    /// <summary>One run; true when a full batch was handled and more may be waiting, so the host runs it again at once.</summary>
    Task<bool> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether one worker at a time runs this job across every instance on the database (the host holds the job's
    /// lease for the run). Jobs that claim their rows one by one (outbox, letters) share the work instead.
    /// </summary>
    bool RunsAlone => false;
}

/// <summary>A job type the host runs; one per registered job.</summary>
public sealed record PortalJobType(Type Type);

public static class PortalJobRegistration
{
    /// <summary>Registers a job (scoped, since jobs use the database context) for the host to run.</summary>
    public static IServiceCollection AddPortalJob<TJob>(this IServiceCollection services)
        where TJob : class, IPortalJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new PortalJobType(typeof(TJob)));
        return services;
    }
}
