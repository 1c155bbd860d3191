using System.Collections.Concurrent;
using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>What one job did lately, in this process: shown in /health and to administrators.</summary>
public sealed record JobState(
    string Name,
    TimeSpan Cadence,
    long Runs,
    long Failures,
    long ItemFailures,
    int ConsecutiveFailures,
    DateTime? LastRunAtUtc,
    DateTime? LastSucceededAtUtc,
    DateTime? LastFailedAtUtc,
    string? LastError)
{
    public const int MaxErrorLength = 500;

    public bool IsFailing => ConsecutiveFailures > 0;
}

/// <summary>The job host's counters, one entry per job, safe to read while the jobs run.</summary>
public sealed class PortalJobStatus
{
    private readonly ConcurrentDictionary<string, JobState> _jobs = new(StringComparer.Ordinal);

    public IReadOnlyList<JobState> Jobs => [.. _jobs.Values.OrderBy(j => j.Name, StringComparer.Ordinal)];

    public void Registered(string name, TimeSpan cadence) =>
        _jobs.TryAdd(name, new JobState(name, cadence, 0, 0, 0, 0, null, null, null, null));

    public void Succeeded(string name, DateTime atUtc) =>
        Update(name, s => s with { Runs = s.Runs + 1, ConsecutiveFailures = 0, LastRunAtUtc = atUtc, LastSucceededAtUtc = atUtc });

    public void Failed(string name, Exception error, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(error);
        Update(name, s => s with
        {
            Runs = s.Runs + 1,
            Failures = s.Failures + 1,
            ConsecutiveFailures = s.ConsecutiveFailures + 1,
            LastRunAtUtc = atUtc,
            LastFailedAtUtc = atUtc,
            LastError = Describe(error),
        });
    }

    /// <summary>One item of a run failed and the job moved on (the run itself may still succeed).</summary>
    public void ItemFailed(string name, Exception error, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(error);
        Update(name, s => s with
        {
            ItemFailures = s.ItemFailures + 1,
            LastFailedAtUtc = atUtc,
            LastError = Describe(error),
        });
    }

    /// <summary>The exception's type and message, and the root cause's when it was wrapped (a DbUpdateException's SQL error).</summary>
    private static string Describe(Exception error)
    {
        var root = error.GetBaseException();
        var text = root == error ? $"{error.GetType().Name}: {error.Message}" : $"{error.GetType().Name}: {error.Message} ({root.GetType().Name}: {root.Message})";
        return RetryBackoff.Clip(text.Split('\n', 2)[0].Trim(), JobState.MaxErrorLength);
    }

    private void Update(string name, Func<JobState, JobState> change) =>
        _jobs.AddOrUpdate(name, n => change(new JobState(n, TimeSpan.Zero, 0, 0, 0, 0, null, null, null, null)), (_, s) => change(s));
}
