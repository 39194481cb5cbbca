namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// The sweep of a run: each axis is a list of values, and a run measures every point of their grid (models x points x prompts),
/// or, when <see cref="Points"/> is given, exactly those named points. Written in <c>energybench.json</c> as lists at the
/// settings' own keys (<c>"Generation": { "Temperature": [0, 0.7, 1.4] }</c>), which the loader moves here
/// (<see cref="SweepAxes"/>); the setting itself keeps the first value. An empty axis is the setting's single value.
/// </summary>
public sealed class SweepOptions
{
    /// <summary>Sampling temperatures (<c>Generation:Temperature</c>), 0 to 2.</summary>
    public List<double> Temperature { get; set; } = [];

    /// <summary>Largest completions in tokens (<c>Generation:MaxTokens</c>).</summary>
    public List<int> MaxTokens { get; set; } = [];

    /// <summary>Requests in flight at once against a server (<c>Load:Concurrency</c>).</summary>
    public List<int> Concurrency { get; set; } = [];

    /// <summary>Sequences the in-process engine decodes together (<c>Embedded:BatchSize</c>).</summary>
    public List<int> BatchSize { get; set; } = [];

    /// <summary>CPU threads of the in-process engine (<c>Embedded:Threads</c>; 0 = all logical cores).</summary>
    public List<int> Threads { get; set; } = [];

    /// <summary>Named points instead of the grid (e.g. the paper's set-up and the study's); each unset value is the setting's.</summary>
    public List<SweepPointOptions> Points { get; set; } = [];
}
