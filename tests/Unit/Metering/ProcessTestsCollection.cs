namespace SlmEnergyBench.Unit.Metering;

/// <summary>Tests that run real child processes and compare their timing: alone, so a busy test host does not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTestsCollection
{
    public const string Name = "child processes";
}
