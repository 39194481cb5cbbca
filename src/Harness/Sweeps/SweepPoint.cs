using System.Globalization;

namespace SlmEnergyBench.Harness.Sweeps;

/// <summary>
/// One point of a run's sweep: the settings of its requests and the load they are run under. Every case record carries its
/// point; a point whose <see cref="InFlight"/> is above 1 runs its prompts overlapping (a scheduler keeps that many requests in
/// flight) and is measured as one window with a steady-state interval (<see cref="Results.PointRecord"/>).
/// </summary>
/// <param name="Label">The point's name in unit labels, test names and reports (e.g. <c>concurrency 8</c>, <c>temperature 1.4</c>, or a
/// named point's name); empty in a run of one point at one request at a time, whose units are named as before sweeps existed.</param>
/// <param name="Temperature">Sampling temperature, 0 to 2.</param>
/// <param name="MaxTokens">Largest completion, tokens.</param>
/// <param name="Concurrency">Requests in flight at once against a server.</param>
/// <param name="BatchSize">Sequences the in-process engine decodes together.</param>
/// <param name="Threads">CPU threads of the in-process engine; 0 = all logical cores.</param>
public sealed record SweepPoint(string Label, double Temperature, int MaxTokens, int Concurrency, int BatchSize, int Threads)
{
    /// <summary>Requests in flight at once: <see cref="Concurrency"/> against a server, <see cref="BatchSize"/> in process (the other is 1).</summary>
    public int InFlight => Math.Max(Concurrency, BatchSize);

    /// <summary>True when requests overlap (<see cref="InFlight"/> above 1): the point is measured as one window and its energy attributed to its requests.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Overlaps => InFlight > 1;

    /// <summary>The point's settings in words, e.g. <c>temperature 0.7, max tokens 1024, concurrency 8</c> (with batch and threads for the in-process engine).</summary>
    public string Describe(bool inProcess) =>
        string.Create(CultureInfo.InvariantCulture, $"temperature {Temperature}, max tokens {MaxTokens}, ") +
        (inProcess ? string.Create(CultureInfo.InvariantCulture, $"batch {BatchSize}, threads {(Threads == 0 ? "all" : Threads.ToString(CultureInfo.InvariantCulture))}") : string.Create(CultureInfo.InvariantCulture, $"concurrency {Concurrency}"));

    public override string ToString() => Label;
}
