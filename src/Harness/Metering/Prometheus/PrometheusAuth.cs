using System.Net.Http.Headers;
using System.Text;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// The <c>Authorization</c> header for Prometheus, from environment variables only (<see cref="PrometheusOptions.BearerTokenVariable"/>,
/// or <see cref="PrometheusOptions.BasicUserVariable"/> and <see cref="PrometheusOptions.BasicPasswordVariable"/>). Messages name
/// the variables, never their values.
/// </summary>
internal static class PrometheusAuth
{
    /// <summary>The header, or null when no variable is named.</summary>
    /// <exception cref="MeterException">A named variable is not set (or empty); the message names the variable.</exception>
    public static AuthenticationHeaderValue? Header(PrometheusOptions options, Func<string, string?> environment)
    {
        if (options.BearerTokenVariable.Length > 0)
            return new AuthenticationHeaderValue("Bearer", Read(environment, options.BearerTokenVariable, "BearerTokenVariable"));
        if (options.BasicUserVariable.Length == 0 && options.BasicPasswordVariable.Length == 0)
            return null;
        var user = Read(environment, options.BasicUserVariable, "BasicUserVariable");
        var password = Read(environment, options.BasicPasswordVariable, "BasicPasswordVariable");
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>How the meter authenticates, in words for provenance (variable names only), e.g. "bearer token from $PROM_TOKEN".</summary>
    public static string Describe(PrometheusOptions options) =>
        options.BearerTokenVariable.Length > 0 ? $"bearer token from ${options.BearerTokenVariable}"
        : options.BasicUserVariable.Length > 0 || options.BasicPasswordVariable.Length > 0 ? $"basic auth from ${options.BasicUserVariable} and ${options.BasicPasswordVariable}"
        : "no authentication";

    /// <summary>What to check after a 401 or 403: the variables named, or how to name some.</summary>
    public static string Advice(PrometheusOptions options) =>
        options.BearerTokenVariable.Length > 0 || options.BasicUserVariable.Length > 0 || options.BasicPasswordVariable.Length > 0
            ? $"check the credentials in the environment ({Describe(options)}; Meter:Prometheus:*Variable names them)"
            : "this server wants credentials: set Meter:Prometheus:BearerTokenVariable (or BasicUserVariable and BasicPasswordVariable) to the NAME of an environment variable that holds them";

    private static string Read(Func<string, string?> environment, string variable, string key)
    {
        if (variable.Length == 0)
            throw new MeterException($"prometheus: Meter:Prometheus:{key} is empty while the other basic-auth variable is set: name both variables.");
        var value = environment(variable);
        if (string.IsNullOrEmpty(value))
            throw new MeterException($"prometheus: the environment variable {variable} (Meter:Prometheus:{key}) is not set: set it to the credential, or clear Meter:Prometheus:{key}.");
        return value;
    }
}
