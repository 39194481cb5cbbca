using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Suite;

[assembly: AssemblyFixture(typeof(SlmEnergyBench.EnergyBenchmarks.EnergySession))]

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// The run-wide fixture: ONE meter session, the backend client and the results writer, shared by every
/// Energy case. Opening it never throws: an unavailable backend or meter becomes a skip reason, a broken
/// configuration or prompt file a failure reason, and each case reports it.
/// </summary>
public sealed class EnergySession : IAsyncLifetime
{
    public BenchmarkSession? Session { get; private set; }

    /// <summary>Why no case can run (configuration error, prompts unreadable, meter failed to start).</summary>
    public string? Failure { get; private set; }

    private int _headerShown;

    /// <summary>The run's header the first time it is asked for (the first case's first output line), then null.</summary>
    public string? TakeHeader() =>
        Session is not null && Interlocked.Exchange(ref _headerShown, 1) == 0 ? Session.Header : null;

    public async ValueTask InitializeAsync()
    {
        try
        {
            var config = ConfigLoader.Load();
            Session = await BenchmarkSession.OpenAsync(config, TestContext.Current.CancellationToken);
            Failure = Session.FatalError is null ? null : $"{Session.Header} {Session.FatalError}";
        }
        catch (ConfigurationException e)
        {
            Failure = e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Session is not null)
            await Session.DisposeAsync();
    }
}
