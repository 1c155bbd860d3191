using System.Diagnostics;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>Waits for something another process or a background loop brings about: checks often, fails after a bound.</summary>
/// <remarks>
/// One generous limit for every wait in the tests (and for every child process a test runs to its end): a wait that
/// passes on a quiet machine passes on a loaded one, where the same work can take many times longer.
/// </remarks>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var limit = Limit;
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(20);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = Limit;
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
