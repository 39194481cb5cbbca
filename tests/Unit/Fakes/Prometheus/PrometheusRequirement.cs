using SlmEnergyBench.Harness.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

/// <summary>
/// Tests that run a real Prometheus: they run where the binary is found (<see cref="PrometheusServer.FindBinary"/>); elsewhere they
/// fail where <c>SLMBENCH_REQUIRE_PROMETHEUS=1</c> (set by <c>.ci/run</c>, which installs Debian's package), so CI never passes
/// without them, and are skipped on a developer machine; either way the message says how to install it.
/// </summary>
internal static class PrometheusRequirement
{
    public const string Variable = "SLMBENCH_REQUIRE_PROMETHEUS";

    public static bool IsInstalled { get; } = PrometheusServer.FindBinary() is not null;

    public static void Require()
    {
        if (IsInstalled)
            return;
        var missing = "prometheus is not at /usr/bin/prometheus nor on PATH: install it with 'apt-get install prometheus' (.ci/run installs it) to run the real-Prometheus tests.";
        if (Environment.GetEnvironmentVariable(Variable) == "1")
            Assert.Fail($"{missing} {Variable}=1, so this test fails rather than skips.");
        Assert.Skip($"{missing} Skipped because {Variable} is not 1; with {Variable}=1 (as in .ci/run) it fails.");
    }
}
