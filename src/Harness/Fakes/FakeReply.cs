namespace SlmEnergyBench.Harness.Fakes;

/// <summary>What the fake answers: a status and a JSON body, or no body at all (GPT4All's 404 and 500).</summary>
internal sealed record FakeReply(int Status, string? Json);
