using System.Text;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Metering.Prometheus;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Metering.Prometheus;

/// <summary>CheckAsync, credentials from the environment, and each way the server can fail, against the stand-in API.</summary>
public sealed class PrometheusMeterAccessTests : IDisposable
{
    private const string Counter = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}";
    private const string Token = "s3cr3t-token-value";
    private const string Password = "pa55-word-value";

    private readonly SessionClock _clock = new(new SkipAheadTimeProvider(TimeSpan.FromMinutes(5)));
    private readonly FakePrometheusApi _api;

    public PrometheusMeterAccessTests()
    {
        _api = new FakePrometheusApi(_clock);
        _api.Targets.Add(("dcgm", "node1:9400", "5s"));
        _api.Add(Counter, "gpu=\"0\",job=\"dcgm\",instance=\"node1:9400\"", FakePrometheusApi.Every(5, -47, 58, t => 1_000_000 + (100_000 * t)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _api.Dispose();

    private MeterOptions Options(Action<PrometheusOptions>? change = null)
    {
        var options = new MeterOptions { Kind = MeterKinds.Prometheus, IntervalMs = 5000 };
        options.Prometheus.Url = _api.Url;
        options.Prometheus.Selector = "gpu=\"0\"";
        change?.Invoke(options.Prometheus);
        return options;
    }

    private static string? Env(string name) => name switch
    {
        "PROM_TOKEN" => Token,
        "PROM_USER" => "bench",
        "PROM_PASSWORD" => Password,
        _ => null,
    };

    [Fact]
    public async Task CheckAsync_SeriesFound_SaysVersionAndSeriesCount()
    {
        // Arrange
        await using var meter = new PrometheusMeter(Options(), _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeTrue();
        availability.Reason.Should().Be($"prometheus: Prometheus 2.42.0 at {_api.Url} (dcgm); gpu: 1 series of {Counter}.");
    }

    [Fact]
    public async Task CheckAsync_NoSeriesMatch_NamesTheQueriesAndWhatToCheck()
    {
        // Arrange
        await using var meter = new PrometheusMeter(Options(p => p.Selector = "gpu=\"7\""), _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Be(
            $"prometheus: no series matches DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{{gpu=\"7\"}} (nor DCGM_FI_DEV_POWER_USAGE{{gpu=\"7\"}}) (domain gpu) on {_api.Url}: check Meter:Prometheus:Selector ('gpu=\"7\"') or the custom domain's Query, and that Prometheus scrapes the exporter (its Status > Targets page).");
    }

    [Fact]
    public async Task CheckAsync_NothingListens_SaysToStartPrometheusOrFixTheUrl()
    {
        // Arrange
        var url = LocalServers.ClosedBaseUrl().Replace("/v1", "", StringComparison.Ordinal);
        await using var meter = new PrometheusMeter(Options(p => p.Url = url), _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().StartWith($"prometheus: cannot reach {url} (ConnectionError: ").And.EndWith("start Prometheus there, or set Meter:Prometheus:Url to its address.");
    }

    [Fact]
    public async Task StartAsync_BearerTokenFromTheEnvironment_IsSentAndNeverShown()
    {
        // Arrange
        await using var meter = new PrometheusMeter(Options(p => p.BearerTokenVariable = "PROM_TOKEN"), _clock, environment: Env);

        // Act
        await meter.StartAsync(Ct);

        // Assert
        _api.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Authorization == "Bearer " + Token);
        var shown = meter.Provenance.Source + meter.Provenance.Notes;
        shown.Should().Contain("bearer token from $PROM_TOKEN").And.NotContain(Token);
    }

    [Fact]
    public async Task StartAsync_BasicAuthFromTheEnvironment_IsSentAndNeverShown()
    {
        // Arrange
        await using var meter = new PrometheusMeter(Options(p => (p.BasicUserVariable, p.BasicPasswordVariable) = ("PROM_USER", "PROM_PASSWORD")), _clock, environment: Env);

        // Act
        await meter.StartAsync(Ct);

        // Assert
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bench:" + Password));
        _api.Requests.Should().OnlyContain(r => r.Authorization == expected);
        (meter.Provenance.Source + meter.Provenance.Notes).Should().Contain("basic auth from $PROM_USER and $PROM_PASSWORD").And.NotContain(Password);
    }

    [Fact]
    public async Task StartAsync_TokenVariableUnset_NamesTheVariable()
    {
        // Arrange
        await using var meter = new PrometheusMeter(Options(p => p.BearerTokenVariable = "PROM_MISSING"), _clock, environment: Env);

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "prometheus: the environment variable PROM_MISSING (Meter:Prometheus:BearerTokenVariable) is not set: set it to the credential, or clear Meter:Prometheus:BearerTokenVariable.");
    }

    [Fact]
    public async Task CheckAsync_Unauthorized_SaysToCheckTheNamedVariablesWithoutTheToken()
    {
        // Arrange
        _api.Fault = (401, "Unauthorized\n", "text/plain");
        await using var meter = new PrometheusMeter(Options(p => p.BearerTokenVariable = "PROM_TOKEN"), _clock, environment: Env);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.Reason.Should().Be(
            $"prometheus: {_api.Url} answered 401 Unauthorized to /api/v1/status/buildinfo: check the credentials in the environment (bearer token from $PROM_TOKEN; Meter:Prometheus:*Variable names them).");
        availability.Reason.Should().NotContain(Token);
    }

    [Fact]
    public async Task CheckAsync_ForbiddenWithoutCredentials_SaysHowToGiveSome()
    {
        // Arrange
        _api.Fault = (403, "Forbidden", "text/plain");
        await using var meter = new PrometheusMeter(Options(), _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.Reason.Should().Be(
            $"prometheus: {_api.Url} answered 403 Forbidden to /api/v1/status/buildinfo: this server wants credentials: set Meter:Prometheus:BearerTokenVariable (or BasicUserVariable and BasicPasswordVariable) to the NAME of an environment variable that holds them.");
    }

    [Fact]
    public async Task StartAsync_PrometheusRefusesTheQuery_PassesOnItsErrorTypeAndMessage()
    {
        // Arrange: Prometheus's error envelope (status, errorType, error) with HTTP 400.
        _api.Fault = (400, """{"status":"error","errorType":"bad_data","error":"1:38: parse error: unexpected \"}\""}""", "application/json");
        await using var meter = new PrometheusMeter(Options(), _clock);

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            $"prometheus: {_api.Url} refused the query time() (HTTP 400): bad_data: 1:38: parse error: unexpected \"}}\"; check the query's PromQL (Meter:Prometheus:Selector or the custom domain's Query).");
    }

    [Fact]
    public async Task CheckAsync_NotJson_AsksWhetherTheUrlIsPrometheus()
    {
        // Arrange
        _api.Fault = (200, "<html><body>Grafana</body></html>", "text/html");
        await using var meter = new PrometheusMeter(Options(), _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.Reason.Should().Be(
            $"prometheus: {_api.Url} answered /api/v1/status/buildinfo with HTTP 200 and text/html that is not Prometheus's JSON (\"<html><body>Grafana</body></html>\"): is Meter:Prometheus:Url the Prometheus server (its API is under /api/v1)?");
    }

    [Fact]
    public async Task CheckAsync_NoAnswerInTime_SaysWhichTimeoutToRaise()
    {
        // Arrange
        _api.DelayMs = 1500;
        await using var meter = new PrometheusMeter(Options(p => p.QueryTimeoutSeconds = 0.3), _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.Reason.Should().Be(
            $"prometheus: {_api.Url} did not answer /api/v1/status/buildinfo within 0.3 s (Meter:Prometheus:QueryTimeoutSeconds): check that Prometheus is up and not overloaded, or raise QueryTimeoutSeconds.");
    }

    [Fact]
    public async Task ChooseAsync_KindPrometheus_BuildsThePrometheusMeterWithoutFallback()
    {
        // Arrange
        var options = Options();

        // Act
        var choice = await MeterSelector.ChooseAsync(options, ".", _clock, Ct);
        await using var meter = choice.Meter;

        // Assert
        meter.Should().BeOfType<PrometheusMeter>();
        choice.Why.Should().Be("Meter:Kind = prometheus (explicit: no fallback).");
    }
}
