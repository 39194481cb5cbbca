namespace SlmEnergyBench.Unit.Suite;

/// <summary>The fake profile's two fastest models (energybench.json: 300 and 150 tokens/s), for runs that must be short.</summary>
internal static class FakeProfileModels
{
    public const string Small = "Llama 3.2 1B Instruct";
    public const string Medium = "Llama 3.2 3B Instruct";
}
