using System.ComponentModel;
using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Whether powermetrics can run here, without ever letting sudo prompt or a probe hang: one sample
/// (<c>-n 1</c>) is taken with the configured command and prefix, with or without sudo, and must carry energies
/// that give a total (<see cref="PowermetricsTotalRule"/>). Every "no" says what to do.
/// </summary>
internal static class PowermetricsAvailability
{
    public static async Task<Availability> CheckAsync(PowermetricsCommand command, TimeProvider time, CancellationToken cancellationToken)
    {
        if (command.StaticProblem() is { } problem)
            return Availability.No(problem);

        var limit = TimeSpan.FromSeconds(Math.Max(5.0, command.Options.IntervalMs * 10 / 1000.0));
        var probe = command.ProbeArguments;
        var shown = command.Describe(probe);
        ProbeRun run;
        try
        {
            run = await ProbeRun.RunAsync(command.StartInfo(probe), limit, time, cancellationToken);
        }
        catch (Win32Exception e)
        {
            return Availability.No($"cannot run `{shown}`: {e.Message} (meter option SudoPrefix = '{command.Options.SudoPrefix}').");
        }

        var seconds = limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        if (run.ExitCode != 0)
        {
            return command.PrivilegeHint(run.Stderr) is { } hint
                ? Availability.No(hint)
                : Availability.No($"`{shown}` {run.Describe()} (limit {seconds} s); stderr: '{run.Stderr}'.");
        }

        var parser = new PlistStreamParser();
        var documents = parser.Feed(run.Stdout).Concat(parser.Complete()).ToList();
        if (documents.FirstOrDefault(d => !d.IsCorrupt)?.Sample is not { } sample)
        {
            var corrupt = documents.FirstOrDefault()?.Error is { } error ? $" (a corrupt document: {error})" : "";
            var head = new StdoutHead();
            head.Append(run.Stdout);
            return Availability.No($"`{shown}` exited with code 0 but wrote no plist sample{corrupt}; stderr: '{run.Stderr}'.{head.NoPlistSentence(command.Path)}");
        }

        if (PowermetricsTotalRule.For(sample) is not { } rule)
            return Availability.No(PowermetricsTotalRule.Refusal(sample, shown, command.Options.Samplers));
        return Availability.Yes(
            $"`{shown}` gave a sample with {string.Join(", ", sample.KeysRead.Values.Select(k => k.Describe()))}; {rule.Text}.");
    }
}
