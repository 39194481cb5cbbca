using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Apple's <c>powermetrics</c> as a meter: ONE long-running process
/// <c>[sudo prefix] &lt;command&gt; --samplers &lt;samplers&gt; -i &lt;IntervalMs&gt; -f plist</c> for the whole
/// run, its stdout read in the background and parsed by <see cref="PlistStreamParser"/>.
/// </summary>
/// <remarks>
/// <para>Samples are placed on the session timeline by their own <c>elapsed_ns</c> as contiguous chains
/// (see <see cref="SampleChainPlacer"/>); a corrupt document breaks the chain and leaves an uncovered gap.
/// Energies are read by key name from the <c>processor</c> dict, each in its own unit (see
/// <see cref="PowermetricsKey"/>): <c>cpu_energy</c>, <c>gpu_energy</c>, <c>ane_energy</c> in mJ on Apple Silicon,
/// <c>package_joules</c> in J (or <c>package_watts</c> in W x elapsed) on Intel Macs, <c>dram_*</c> where present.</para>
/// <para><see cref="Domains.Total"/> follows the <see cref="PowermetricsTotalRule"/> that the first sample decides:
/// cpu + gpu + ane on Apple Silicon, package on Intel Macs; package is never added to cpu or gpu, and DRAM is its
/// own domain, left out of the total. A first sample that can give no total is refused at the start with the keys
/// it carried.</para>
/// <para>A dead process is not restarted: windows after its last sample fail with its exit code and stderr.</para>
/// </remarks>
public sealed class PowermetricsMeter : IPowerMeter, IMeterProcess
{
    private readonly MeterOptions _options;
    private readonly SessionClock _clock;
    private readonly PowermetricsCommand _command;
    private readonly SampleTimeline _timeline = new(); // samples arrive with their total (PowermetricsTotalRule)
    private readonly PlistStreamParser _parser = new();
    private readonly StderrTail _stderr = new();
    private readonly StdoutHead _stdoutHead = new();
    private readonly AsyncPulse _changed = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile PowermetricsIntake? _intake;
    private Process? _process;
    private Task? _reader;
    private Task? _stderrReader;
    private volatile bool _exited;
    private int? _exitCode;
    private bool _disposed;

    /// <param name="options">Command, sudo prefix, interval, samplers, start timeout, minimum coverage.</param>
    /// <param name="repositoryRoot">Relative <see cref="MeterOptions.Command"/> paths are resolved against it.</param>
    /// <param name="clock">The session timeline samples are placed on.</param>
    /// <param name="environment">Added to the child's environment (how the fake command is configured).</param>
    public PowermetricsMeter(MeterOptions options, string repositoryRoot, SessionClock clock, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _clock = clock;
        _command = new PowermetricsCommand(options, repositoryRoot, environment);
    }

    /// <summary>
    /// The domains the samples really carried and the keys they were read from; before the first sample only
    /// <see cref="Domains.Total"/>, with a source that says nothing was read yet.
    /// </summary>
    public EnergyProvenance Provenance
    {
        get
        {
            const string Caveat = "Apple documents powermetrics' power and energy figures as estimates that should not be compared across devices.";
            if (_intake?.Rule is not { } rule)
                return new EnergyProvenance(MeterKinds.Powermetrics, [Domains.Total], Method, $"powermetrics -f plist (no sample read yet). Command: {CommandLine}", Simulated + Caveat);

            var keys = _intake.KeysRead;
            var domains = _intake.DomainsSeen;
            var notes = new List<string> { Simulated + Caveat };
            if (keys.Any(k => k.Unit == "mJ"))
                notes.Add("Energies in mJ are whole millijoules per sample.");
            if (_intake.FromPowerCount is > 0 and var fromPower)
                notes.Add($"In {fromPower} sample(s) a domain had no energy key and energy = power x elapsed_ns.");
            var outside = domains.Where(d => d != Domains.Total && !rule.Parts.Contains(d)).ToArray();
            if (outside.Length > 0)
                notes.Add($"Informational, never added to the total: {string.Join("; ", outside.Select(WhyOutsideTotal))}.");
            return new EnergyProvenance(
                MeterKinds.Powermetrics,
                domains,
                Method,
                $"powermetrics -f plist: {string.Join(", ", keys.Select(k => k.Describe()))}, placed on the session timeline by elapsed_ns; {rule.Text}."
                + $" Command: {CommandLine}",
                string.Join(" ", notes));
        }
    }

    public IReadOnlyList<MeterSample> Samples => _timeline.Samples;

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) => _timeline.Overlapping(startS, endS);

    public IReadOnlyList<MeterSample> SamplesFrom(int index) => _timeline.From(index);

    /// <inheritdoc/>
    public int? ProcessId => _process?.Id;

    /// <summary>Simulated for a stand-in that the suite ships (<see cref="PowermetricsCommand.IsShippedFake"/>), else measured.</summary>
    private EnergyMethod Method => _command.IsShippedFake ? EnergyMethod.Simulated : EnergyMethod.Measured;

    /// <summary>The note that opens a stand-in's provenance; empty for a real powermetrics.</summary>
    private string Simulated => _command.IsShippedFake
        ? $"SIMULATED: {_command.Path} is a stand-in that the suite ships; its samples follow a simulated power state, not this machine's hardware. "
        : "";

    /// <summary>The command line of the stream, for the manifest.</summary>
    public string CommandLine => _command.Describe(_command.StreamArguments);

    public Task<Availability> CheckAsync(CancellationToken cancellationToken) =>
        PowermetricsAvailability.CheckAsync(_command, _clock.TimeProvider, cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_process is not null)
            throw new InvalidOperationException("The meter is already started.");
        if (_command.StaticProblem() is { } problem)
            throw new MeterException(problem);

        try
        {
            _process = Process.Start(_command.StartInfo(_command.StreamArguments))
                ?? throw new MeterException($"could not start `{CommandLine}`.");
        }
        catch (Win32Exception e)
        {
            throw new MeterException($"cannot start `{CommandLine}`: {e.Message}.", e);
        }

        _process.StandardInput.Close();
        // The meter's process must not outlive this one, whatever kills it (SIGKILL runs no finalizer).
        Lifetime.ChildWatchdog.Guard(_process)?.Dispose();
        _intake = new PowermetricsIntake(_timeline, _clock.Now, sample => PowermetricsTotalRule.Refusal(sample, CommandLine, _options.Samplers));
        _stderrReader = _stderr.DrainAsync(_process.StandardError, _stop.Token);
        var process = _process;
        var intake = _intake;
        _reader = Task.Run(() => ReadLoopAsync(process, intake, _stop.Token), CancellationToken.None);
        await WaitForFirstSampleAsync(cancellationToken);
    }

    public async Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_process is null)
            throw new InvalidOperationException("Call StartAsync before MeasureAsync.");
        if (!double.IsFinite(startS) || !double.IsFinite(endS) || endS <= startS)
            throw new ArgumentOutOfRangeException(nameof(endS), Invariant($"window [{startS}, {endS}] must be finite and end after it starts"));

        var waitS = Math.Max(0, endS - _clock.Now) + (3 * _options.IntervalMs / 1000.0) + 1.0;
        await _changed.WaitUntilAsync(() => _timeline.LastEndS >= endS || _exited, _clock.Now + waitS, _clock, cancellationToken);

        var window = _timeline.Integrate(startS, endS);
        if (window.Coverage < _options.MinCoverage)
            throw new MeterException(DescribeShortfall(window, waitS));
        PlausiblePower.ThrowIfAbove(MeterKinds.Powermetrics, window, _options.MaxPlausiblePowerW, "the samples are not trustworthy");

        return window;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (_process is { } process)
        {
            await ProcessStopper.StopAsync(process, TimeSpan.FromSeconds(2));
            await _stop.CancelAsync();
            if (_reader is not null)
                await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            process.Dispose();
        }

        _stop.Dispose();
    }

    private async Task WaitForFirstSampleAsync(CancellationToken cancellationToken)
    {
        await _changed.WaitUntilAsync(() => _timeline.Count > 0 || _intake?.Refusal is not null || _exited, _clock.Now + _options.StartTimeoutSeconds, _clock, cancellationToken);
        if (_intake?.Refusal is { } refusal)
        {
            await ProcessStopper.StopAsync(_process!, TimeSpan.FromSeconds(2));
            throw new MeterException(refusal);
        }

        if (_timeline.Count > 0)
            return;
        if (_exited)
            throw new MeterException(WithHint($"`{CommandLine}` exited with code {ExitCodeText()} before its first sample; stderr: {_stderr.Quoted()}.{NoPlist()}"));

        await ProcessStopper.StopAsync(_process!, TimeSpan.FromSeconds(2));
        throw new MeterException(WithHint(Invariant(
            $"no powermetrics sample within {_options.StartTimeoutSeconds} s (StartTimeoutSeconds) of starting `{CommandLine}` (interval {_options.IntervalMs} ms); stderr: {_stderr.Quoted()}.")
            + (NoPlist() is { Length: > 0 } printed ? printed : " It wrote nothing on stdout: if it is merely slow to start, raise Meter:StartTimeoutSeconds; otherwise run that command by hand to see why.")));
    }

    private async Task ReadLoopAsync(Process process, PowermetricsIntake intake, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var stdout = process.StandardOutput.BaseStream;
            int read;
            while ((read = await stdout.ReadAsync(buffer, cancellationToken)) > 0)
            {
                _stdoutHead.Append(buffer.AsSpan(0, read));
                intake.Accept(_parser.Feed(buffer.AsSpan(0, read)), _clock.Now);
                _changed.Pulse();
            }

            intake.Accept(_parser.Complete(), _clock.Now);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped or the pipe broke: what was parsed stays; the exit code says the rest.
        }
        finally
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_stderrReader is not null)
                await _stderrReader.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            lock (_gate)
                _exitCode = process.HasExited ? process.ExitCode : null;
            _exited = true;
            _changed.Pulse();
        }
    }

    private string DescribeShortfall(WindowEnergy window, double waitedS)
    {
        var reasons = new List<string>();
        var first = _timeline.FirstStartS;
        var last = _timeline.LastEndS;
        if (first is null)
            reasons.Add("no sample has arrived yet");
        else if (window.StartS < first)
            reasons.Add(Invariant($"the window starts before the first sample ({first:0.000} s)"));
        var gaps = _intake?.DescribeGaps(window.StartS, window.EndS) ?? [];
        reasons.AddRange(gaps);
        var advice = gaps.Count > 0 ? " This case is not measured; the samples after the gap are placed again, so later cases are measured." : "";
        if (last is { } end && window.EndS > end)
        {
            reasons.Add(_exited
                ? Invariant($"powermetrics exited with code {ExitCodeText()} after its last sample ending at {end:0.000} s; stderr: {_stderr.Quoted()}")
                : Invariant($"powermetrics is still running but sent no sample for {_clock.Now - end:0.0} s: none covering the window's end arrived within {waitedS:0.0} s (last sample ends at {end:0.000} s)"));
            advice = _exited
                ? " The meter is not restarted during a run, so every later case fails the same way: fix what stderr says and run the suite again."
                : $" This case is not measured; later cases are measured once samples come again. If every case fails so, powermetrics hangs: stop the run and check that `{_command.Describe(_command.ProbeArguments)}` prints a sample.";
        }

        return Invariant(
            $"powermetrics covered {window.Coverage * 100:0.0}% of window [{window.StartS:0.000}, {window.EndS:0.000}] s ({window.SampleCount} samples); at least {_options.MinCoverage * 100:0.#}% (MinCoverage) is needed: ")
            + (reasons.Count == 0 ? "samples are missing inside the window." : string.Join("; ", reasons) + ".") + advice;
    }

    /// <summary>What the command printed instead of a plist, when it printed anything: a sign that it is not powermetrics.</summary>
    private string NoPlist() => _timeline.Count == 0 ? _stdoutHead.NoPlistSentence(_command.Path) : "";

    private string ExitCodeText()
    {
        lock (_gate)
            return _exitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
    }

    private string WithHint(string message) =>
        _command.PrivilegeHint(_stderr.ToString()) is { } hint ? $"{message} {hint}" : message;

    private static string WhyOutsideTotal(string domain) => domain switch
    {
        Domains.Package => "package (it overlaps cpu + gpu + ane)",
        Domains.Dram => "dram (a separate rail that only some versions write: totals stay comparable across versions)",
        _ => $"{domain} (nested inside the package)",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
