using System.Diagnostics;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>Headless Chromium for the report's browser tests: run once with a fresh profile, killed with its children on timeout.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Loads <paramref name="file"/> and returns the DOM after its scripts and the load event have run.</summary>
    public static Task<string> DumpDomAsync(string file) => RunAsync(["--virtual-time-budget=5000", "--dump-dom", new Uri(file).AbsoluteUri]);

    /// <summary>Saves a screenshot of <paramref name="file"/> to <paramref name="png"/>.</summary>
    public static Task<string> ScreenshotAsync(string file, string png) =>
        RunAsync(["--virtual-time-budget=5000", "--hide-scrollbars", $"--screenshot={png}", "--window-size=1280,2400", new Uri(file).AbsoluteUri]);

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("slmbench-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
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

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path} did not start.");
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
