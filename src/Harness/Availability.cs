namespace SlmEnergyBench.Harness;

/// <summary>Whether a backend or meter can be used here, and if not, what to start or configure.</summary>
public sealed record Availability(bool IsAvailable, string Reason)
{
    public static Availability Yes(string reason) => new(true, reason);

    public static Availability No(string reason) => new(false, reason);
}
