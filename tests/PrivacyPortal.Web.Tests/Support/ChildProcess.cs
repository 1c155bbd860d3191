using System.Diagnostics;
using System.Text;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>
/// A process a test starts: its output collected, and the process with everything it started ended when the test
/// is done with it, whatever the outcome (a failed assertion, a timeout, an exception). A run to the end waits at
/// most <see cref="Eventually.Limit"/>, the one limit every wait in the tests shares.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();

    private ChildProcess(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        Process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        Process.OutputDataReceived += (_, e) => Append(e.Data, toStandardOutput: true);
        Process.ErrorDataReceived += (_, e) => Append(e.Data, toStandardOutput: false);
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>Standard output and error so far, interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Standard output alone (what a tool prints as its result).</summary>
    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _standardOutput.ToString();
            }
        }
    }

    public bool HasExited => Process.HasExited;

    /// <summary>Starts the process; dispose the result to end it.</summary>
    public static ChildProcess Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new ChildProcess(start);
    }

    /// <summary>Runs the process to its end and returns its exit code and output; ends it after the limit.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo start)
    {
        using var process = Start(start);
        await process.WaitForExitAsync();
        return (process.Process.ExitCode, process.Output);
    }

    /// <summary>Runs a tool to its end and returns its exit code and standard output alone; ends it after the limit.</summary>
    public static async Task<(int Exit, string StandardOutput)> ToolAsync(ProcessStartInfo start)
    {
        using var process = Start(start);
        await process.WaitForExitAsync();
        return (process.Process.ExitCode, process.StandardOutput);
    }

    /// <summary>Runs a tool to its end and returns its exit code and standard output; ends it after the limit.</summary>
    public static (int Exit, string StandardOutput) Run(ProcessStartInfo start)
    {
        using var process = Start(start);
        if (!process.Process.WaitForExit(Eventually.Limit))
        {
            process.End();
            throw new TimeoutException($"Waited {Eventually.Limit.TotalSeconds:0} s for {start.FileName} to end.\n{process.Output}");
        }

        process.Process.WaitForExit();
        return (process.Process.ExitCode, process.StandardOutput);
    }

    /// <summary>Waits for the process to end by itself, at most the shared limit; past it the process is ended and the wait fails.</summary>
    public async Task WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(Eventually.Limit);
        try
        {
            await Process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            End();
            throw new TimeoutException($"Waited {Eventually.Limit.TotalSeconds:0} s for {Process.StartInfo.FileName} {string.Join(' ', Process.StartInfo.ArgumentList)} to end.\n{Output}");
        }

        // The asynchronous readers have the last lines once the process has exited and this wait returns.
        Process.WaitForExit();
    }

    /// <summary>
    /// Waits until the portal this process runs answers its health check at <paramref name="baseAddress"/>; fails at
    /// once, with what the process wrote, if it ends instead.
    /// </summary>
    public async Task WaitUntilServingAsync(Uri baseAddress)
    {
        using var probe = new HttpClient { BaseAddress = baseAddress };
        await Eventually.TrueAsync(
            async () =>
            {
                if (Process.HasExited)
                {
                    throw new InvalidOperationException($"The portal ended with exit code {Process.ExitCode} before it answered.\n{Output}");
                }

                try
                {
                    using var health = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false; // Kestrel is not listening yet.
                }
            },
            $"the portal at {baseAddress} to answer");
    }

    /// <summary>Ends the process and every process it started (a kill: what a crash looks like), and waits until it has.</summary>
    public void End()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in between.
        }

        Process.WaitForExit();
    }

    public void Dispose()
    {
        End();
        Process.Dispose();
    }

    private void Append(string? line, bool toStandardOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (toStandardOutput)
            {
                _standardOutput.AppendLine(line);
            }
        }
    }
}
