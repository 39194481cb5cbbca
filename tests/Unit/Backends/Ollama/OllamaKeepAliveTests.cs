using SlmEnergyBench.Harness.Backends.Ollama;

namespace SlmEnergyBench.Unit.Backends.Ollama;

public sealed class OllamaKeepAliveTests
{
    [Theory]
    [InlineData("30m", 1800)]
    [InlineData("1h30m", 5400)]
    [InlineData("90s", 90)]
    [InlineData("600", 600)]
    [InlineData("0", 0)]
    public void TryParse_ConfiguredValue_IsThatManySeconds(string value, double seconds) =>
        OllamaKeepAlive.TryParse(value).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("-1")]
    [InlineData("-1m")]
    public void TryParse_Negative_IsForever(string value) => OllamaKeepAlive.TryParse(value).Should().Be(Timeout.InfiniteTimeSpan);

    [Theory]
    [InlineData("")]
    [InlineData("forever")]
    [InlineData("30 minutes")]
    public void TryParse_NotADuration_IsNull(string value) => OllamaKeepAlive.TryParse(value).Should().BeNull();

    [Fact]
    public void TryParseGoDuration_BareNumber_IsRefusedAsGoDoes() => OllamaKeepAlive.TryParseGoDuration("10").Should().BeNull();

    [Fact]
    public void ToJson_Seconds_IsANumber() => OllamaKeepAlive.ToJson("-1").ToJsonString().Should().Be("-1");
}
