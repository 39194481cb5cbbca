using System.Diagnostics;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>Headless Chromium for the report's browser tests: run once with a fresh profile, killed with its children on timeout.</summary>
internal static class Chromium
{
    /// <summary>
    /// A hang guard, not a measurement: a render takes a second or two on a quiet machine, but starting Chromium's
    /// processes on a loaded 2-core machine can take tens of seconds.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>The <c>chromium</c> executable found on PATH (what <c>command -v chromium</c> finds, as in <c>.ci/run</c>), or null.</summary>
    public static string? Executable { get; } = FindOnPath("chromium");

    public static bool IsInstalled => Executable is not null;

    /// <summary>
    /// Returns when Chromium is installed. Otherwise the calling test fails where the environment variable <c>CI</c>
    /// is set (CI services set <c>CI=true</c>, and <c>.ci/run</c> does), so CI never passes without the browser
    /// checks, and is skipped on a developer machine; either way the message says how to install it.
    /// </summary>
    public static void Require()
    {
        if (IsInstalled)
            return;
        var missing = "chromium is not on PATH: install it with 'apt-get install chromium' (.ci/run installs it) to run the browser checks of report.html.";
        if (FailsWhenMissing(Environment.GetEnvironmentVariable("CI")))
            Assert.Fail($"{missing} The environment variable CI is set, so this test fails rather than skips.");
        Assert.Skip($"{missing} Skipped because the environment variable CI is not set; with CI=true it fails.");
    }

    /// <summary>Whether a missing Chromium fails the test: CI set to anything but empty, "false" or "0".</summary>
    public static bool FailsWhenMissing(string? ci) =>
        !string.IsNullOrWhiteSpace(ci) && !ci.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) && ci.Trim() != "0";

    /// <summary>Loads <paramref name="file"/> and returns the DOM after its scripts and the load event have run.</summary>
    public static Task<string> DumpDomAsync(string file) => RunAsync(["--virtual-time-budget=5000", "--dump-dom", new Uri(file).AbsoluteUri]);

    /// <summary>Saves a screenshot of <paramref name="file"/> to <paramref name="png"/>.</summary>
    public static Task<string> ScreenshotAsync(string file, string png) =>
        RunAsync(["--virtual-time-budget=5000", "--hide-scrollbars", $"--screenshot={png}", "--window-size=1280,2400", new Uri(file).AbsoluteUri]);

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("slmbench-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not on PATH."))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                         "--no-first-run", "--no-default-browser-check", $"--user-data-dir={profile.FullName}"])
                start.ArgumentList.Add(a);
            foreach (var a in arguments)
                start.ArgumentList.Add(a);

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {Timeout.TotalSeconds} s; stderr: {await stderr}");
            }

            var output = await stdout;
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}; stderr: {await stderr}");
            return output;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A crash-reporter child may still hold a file for a moment; the temporary folder is left to the OS.
            }
        }
    }
}
