using System.ComponentModel;
using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>Whether powermetrics can run here, without ever letting sudo prompt or a probe hang.</summary>
internal static class PowermetricsAvailability
{
    public static async Task<Availability> CheckAsync(PowermetricsCommand command, TimeProvider time, CancellationToken cancellationToken)
    {
        if (command.StaticProblem() is { } problem)
            return Availability.No(problem);
        if (!command.HasSudoPrefix)
            return Availability.Yes($"powermetrics command {command.Path} runs without sudo (a fake or unprivileged command).");

        var limit = TimeSpan.FromSeconds(Math.Max(5.0, command.Options.IntervalMs * 10 / 1000.0));
        var probe = command.ProbeArguments;
        ProbeRun run;
        try
        {
            run = await ProbeRun.RunAsync(command.StartInfo(probe), limit, time, cancellationToken);
        }
        catch (Win32Exception e)
        {
            return Availability.No($"cannot run `{command.Describe(probe)}`: {e.Message} (meter option SudoPrefix = '{command.Options.SudoPrefix}').");
        }

        if (run.ExitCode == 0)
            return Availability.Yes($"`{command.Describe(probe)}` gave a sample.");
        if (command.SudoHint(run.Stderr) is { } hint)
            return Availability.No(hint);
        var seconds = limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        return Availability.No($"`{command.Describe(probe)}` {run.Describe()} (limit {seconds} s); stderr: '{run.Stderr}'.");
    }
}
