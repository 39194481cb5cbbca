using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Fakes;
using SlmEnergyBench.Unit.Metering;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>
/// The session end to end with powermetrics as other machines and users really have it: not root (the cases skip
/// with the fix), an Intel Mac's samples (the cases pass with a package total, and the run header and run.json
/// name the domains the samples carry), samples without any energy it knows (the cases skip naming the keys).
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class SessionPowermetricsVariantsTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("session-powermetrics-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public async Task Open_PowermetricsNotRoot_SkipsTheEnergyCasesWithTheFix()
    {
        // Arrange: the whole fake profile, its powermetrics replaced by one that an ordinary user started.
        var config = Load(("ENERGYBENCH__Meter__Command", FakePowermetrics.NotRoot));

        // Act
        await using var session = await BenchmarkSession.OpenAsync(config, _ct);

        // Assert: a skip with the reason and the fix, never a fatal error or failed cases; nothing written.
        session.FatalError.Should().BeNull();
        session.SkipReason.Should().Contain("Meter: powermetrics must run as root")
            .And.Contain("'powermetrics must be invoked as the superuser'")
            .And.Contain("Set Meter:SudoPrefix = 'sudo -n'")
            .And.Contain("ALL = (root) NOPASSWD: ");
        session.Results.Should().BeNull();
        Directory.EnumerateFileSystemEntries(_results).Should().BeEmpty();
    }

    [Fact]
    public async Task Open_SamplesWithoutEnergyKeys_SkipsNamingTheKeysSeen()
    {
        // Arrange
        var sample = Path.Combine(_results, "no-energy.plist");
        File.WriteAllText(sample, PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>100000000</integer>\n", "<key>freq_hz</key><real>2.49872e+09</real>"));

        // Act
        await using var session = await OpenReplayingAsync(Load(), sample);

        // Assert
        session.FatalError.Should().BeNull();
        session.SkipReason.Should().Contain("Meter: powermetrics' first sample from ")
            .And.Contain("carries none of the energy keys this meter reads: its processor dict holds freq_hz.");
    }

    [Fact]
    public async Task RunCase_IntelMacSamples_PassesWithThePackageTotalAndRunJsonNamesPackage()
    {
        // Arrange: the Intel Mac's field sample streamed as the meter (1.00238 s per sample, hence 1 s intervals:
        // MeasureAsync waits up to three intervals past a window for the sample that covers its end).
        await using var session = await OpenReplayingAsync(Load(("ENERGYBENCH__Meter__IntervalMs", "1000")), FieldInputFiles.IntelMacSample);
        var runJson = Path.Combine(session.Results!.Directory, "run.json");

        // Act
        var record = await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, _ct);
        await session.FinishAsync(_ct);

        // Assert: the field README's right answer: a package domain at 8.55029 J / 1.00238 s = 8.53 W, total = package.
        record.Outcome.Should().Be("passed", string.Join("; ", record.Problems));
        var window = record.Energy!.Window;
        window.Domains.Keys.Should().BeEquivalentTo([Domains.Package, Domains.Total]);
        window.Domains[Domains.Total].AveragePowerW.Should().BeApproximately(8.53, 1e-4);
        window.Domains[Domains.Total].Joules.Should().BeApproximately(8.529988 * window.DurationS, 1e-5);
        session.Header.Should().Contain("domains package+total");
        var manifest = JsonDocument.Parse(File.ReadAllText(runJson)).RootElement;
        manifest.GetProperty("status").GetString().Should().StartWith("completed in part: 5 of 6 planned cases never ran");
        manifest.GetProperty("casesPassed").GetInt32().Should().Be(1);
        var meter = manifest.GetProperty("meter");
        meter.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).Should().Equal(Domains.Package, Domains.Total);
        meter.GetProperty("source").GetString().Should().Contain("processor.package_joules (J per sample)").And.Contain("total = package");
    }

    private LoadedConfiguration Load(params (string Key, string Value)[] overrides) => FakeProfileConfig.Load(_results, overrides);

    /// <summary>A session on the fake GPT4All server whose meter is the real powermetrics meter streaming <paramref name="plistFile"/>.</summary>
    private async Task<BenchmarkSession> OpenReplayingAsync(LoadedConfiguration config, string plistFile)
    {
        var clock = new SessionClock();
        var server = FakeGpt4AllServer.Start(config.Options.Fake);
        var backend = FakeServerSetup.Client(server, clock);
        var environment = new Dictionary<string, string> { ["FAKE_POWERMETRICS_REPLAY"] = plistFile };
        return await BenchmarkSession.OpenAsync(config, clock, backend, (_, _) => Task.FromResult(new MeterChoice(
            new PowermetricsMeter(config.Options.Meter, config.RepositoryRoot, clock, environment), "replaying a captured sample")), [server, backend], _ct);
    }
}
