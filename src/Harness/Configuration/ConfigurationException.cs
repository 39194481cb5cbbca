namespace SlmEnergyBench.Harness.Configuration;

/// <summary>The configuration is invalid. Each entry of <see cref="Problems"/> names a key, its value and what is allowed.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<string> problems)
        : base("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    public ConfigurationException(string problem) : this([problem]) { }

    public IReadOnlyList<string> Problems { get; }
}
