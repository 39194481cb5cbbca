using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>Builds a <see cref="PowermetricsMeter"/> on fixtures/fake-powermetrics, with a scratch folder for its files.</summary>
internal sealed class FakePowermetrics : IDisposable
{
    public const string Command = "fixtures/fake-powermetrics/powermetrics";
    public const string PasswordRequired = "fixtures/fake-powermetrics/sudo-password-required";

    /// <summary>Stands in for Apple's powermetrics started by an ordinary user: "must be invoked as the superuser", exit 1.</summary>
    public const string NotRoot = "fixtures/fake-powermetrics/powermetrics-not-root";

    public FakePowermetrics()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "fake-powermetrics-" + Guid.NewGuid().ToString("N"));

    public string BusyFile => Path.Combine(Folder, "busy");

    public string LogFile => Path.Combine(Folder, "samples.log");

    public SessionClock Clock { get; } = new();

    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>
    /// The meter's options for the fake. StartTimeoutSeconds is patience, not a measurement: the first sample comes
    /// after one interval, but a loaded machine may take seconds to start bash; a test of the timeout sets its own.
    /// </summary>
    public static MeterOptions Options(int intervalMs = 50, string command = Command, string sudoPrefix = "") => new()
    {
        Command = command,
        SudoPrefix = sudoPrefix,
        IntervalMs = intervalMs,
        StartTimeoutSeconds = 30,
    };

    /// <summary>Makes the fake stream <paramref name="plistFile"/>'s document as it is, one every elapsed_ns of it.</summary>
    public FakePowermetrics Replay(string plistFile)
    {
        Environment["FAKE_POWERMETRICS_REPLAY"] = plistFile;
        return this;
    }

    /// <summary>Writes <paramref name="document"/> into the scratch folder, for <see cref="Replay"/>.</summary>
    public string WriteDocument(string name, string document)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, document);
        return path;
    }

    public PowermetricsMeter Meter(MeterOptions? options = null)
    {
        Environment.TryAdd("FAKE_POWERMETRICS_BUSY_FILE", BusyFile);
        Environment.TryAdd("FAKE_POWERMETRICS_LOG", LogFile);
        return new PowermetricsMeter(options ?? Options(), TestRepository.Root, Clock, Environment);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }
}
