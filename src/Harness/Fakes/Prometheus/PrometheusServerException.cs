namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary><see cref="PrometheusServer"/> could not start Prometheus: the message says why (missing binary, its stderr, a timeout) and what to do.</summary>
public sealed class PrometheusServerException(string message) : Exception(message);
