using BenchmarkDotNet.Running;

namespace PrivacyPortal.Benchmarks;

public static class Program
{
    /// <summary>BenchmarkDotNet's switcher, or `notices ...` for the outbox throughput run (notices-vs-smtplib.sh).</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["notices", ..])
        {
            return await NoticeThroughput.RunAsync(args);
        }

        if (args is ["audit-fill", ..])
        {
            return await AuditChainFill.RunAsync(args);
        }

        if (args is ["queue-postgres", _, ..])
        {
            return await QueueOnPostgres.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
