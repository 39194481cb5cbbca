using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>What a run's harness figures hold besides the harness, by its backend and meter, in sentences for <see cref="RunHarnessCost.Notes"/>.</summary>
internal static class HarnessCostNotes
{
    /// <param name="options">The run's options.</param>
    /// <param name="meterName">The meter as its provenance names it.</param>
    /// <param name="meterIsProcess">The meter runs as a process of its own.</param>
    /// <param name="meterPerWindow">Its CPU was read at every window's edges (false: at the run's start and end only).</param>
    public static IReadOnlyList<string> For(BenchOptions options, string meterName, bool meterIsProcess, bool meterPerWindow)
    {
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        if (BackendKinds.IsFake(options.Backend.Kind))
            notes.Add($"The test program hosts the {(options.Backend.Kind == BackendKinds.FakeOllama ? "fake Ollama" : "fake GPT4All")} server: the CPU it spends answering requests is counted as the harness's.");
        if (options.Backend.Kind == BackendKinds.LlamaSharp)
        {
            var threads = options.Embedded.Threads > 0 ? options.Embedded.Threads : Environment.ProcessorCount;
            notes.Add("llama.cpp runs inside the test program: its generating thread's CPU (completion.engineCpuS, the OS's thread CPU clock) is left out of the harness's;"
                      + " over the whole run the test program's CPU also holds loading the models (and writing synthetic ones the first time).");
            if (threads > 1)
            {
                notes.Add($"llama.cpp generates on {threads} threads (Embedded:Threads): the other {threads - 1} worker threads' CPU cannot be told apart"
                          + " from the test program's and is counted as the harness's, so the harness's figures are an upper bound. Embedded:Threads = 1 measures them exactly.");
            }

            if (Sweeps.SweepPlan.Of(options).Any(p => p.BatchSize > 1))
            {
                notes.Add("At batch size above 1 (Embedded:BatchSize) the engine decodes several requests in one llama_decode on pool threads, whose CPU no request owns:"
                          + " over those points the engine's CPU is counted as the harness's, so the run's harness figures are an upper bound, and those points' requests have no window of their own in the harness's figures.");
            }
        }

        if (!meterIsProcess)
            notes.Add($"The {meterName} meter samples inside the test program: its CPU is part of the test program's.");
        else if (!meterPerWindow)
            notes.Add("The meter's process is read through ps at the run's start and end only (never inside a window): its CPU in the windows is the run's pro rata of their time.");
        return notes;
    }
}
