using System.Diagnostics;
using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// A short child process run with a hard time limit: its exit code (null when killed), stderr tail and stdout
/// (its first <see cref="MaxStdoutBytes"/> bytes).
/// </summary>
internal sealed record ProbeRun(int? ExitCode, string Stderr, bool TimedOut, byte[] Stdout)
{
    /// <summary>Stdout kept (a one-sample plist is a few kB; more is read and dropped).</summary>
    public const int MaxStdoutBytes = 1024 * 1024;

    public static async Task<ProbeRun> RunAsync(ProcessStartInfo info, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"could not start {info.FileName}");
        process.StandardInput.Close();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stderr = new StderrTail();
        var drainErr = stderr.DrainAsync(process.StandardError, stop.Token);
        using var stdout = new MemoryStream();
        var drainOut = KeepHeadAsync(process.StandardOutput.BaseStream, stdout, stop.Token);
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
        return new ProbeRun(timedOut ? null : process.ExitCode, stderr.ToString(), timedOut, stdout.ToArray());
    }

    /// <summary>Copies <paramref name="source"/> to its end, keeping its first <see cref="MaxStdoutBytes"/> bytes in <paramref name="head"/>.</summary>
    private static async Task KeepHeadAsync(Stream source, MemoryStream head, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var keep = (int)Math.Min(read, MaxStdoutBytes - head.Length);
            if (keep > 0)
                head.Write(buffer, 0, keep);
        }
    }

    public string Describe() => TimedOut
        ? "timed out"
        : string.Create(CultureInfo.InvariantCulture, $"exited with code {ExitCode}");
}
