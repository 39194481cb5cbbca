using System.Diagnostics;
using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>A short child process run with a hard time limit: its exit code (null when killed) and stderr tail.</summary>
internal sealed record ProbeRun(int? ExitCode, string Stderr, bool TimedOut)
{
    public static async Task<ProbeRun> RunAsync(ProcessStartInfo info, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"could not start {info.FileName}");
        process.StandardInput.Close();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stderr = new StderrTail();
        var drainErr = stderr.DrainAsync(process.StandardError, stop.Token);
        var drainOut = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, stop.Token);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(limit, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }

        stop.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await Task.WhenAll(drainErr, drainOut);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Output of a killed process: what was read is enough.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ProbeRun(timedOut ? null : process.ExitCode, stderr.ToString(), timedOut);
    }

    public string Describe() => TimedOut
        ? "timed out"
        : string.Create(CultureInfo.InvariantCulture, $"exited with code {ExitCode}");
}
