using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SlmEnergyBench.Benchmarks.Reports;

/// <summary>
/// How long an HTML page takes to open in headless Chromium (<c>/usr/bin/chromium</c>, or <c>chromium</c> on PATH), in
/// the browser's own clock: from navigation start to the end of a full layout forced in the page's <c>load</c> event
/// (<c>performance.now()</c> there, which counts from navigation start; W3C High Resolution Time). That covers reading,
/// parsing, styling, decoding the inline images (<c>load</c> waits for them) and laying out the whole page, not the
/// browser's own start, which <c>--dump-dom</c> prints after. The page is measured from a copy with one script added
/// before <c>&lt;/body&gt;</c> that writes the figure into the title.
/// </summary>
public static partial class PageLoad
{
    /// <summary>The title prefix the added script writes the figure after.</summary>
    public const string TitlePrefix = "slmbench-load-ms:";

    /// <summary>The script added to the page's copy.</summary>
    public const string Script =
        "<script>addEventListener('load',function(){document.body.getBoundingClientRect();void document.body.offsetHeight;"
        + "document.title='" + TitlePrefix + "'+performance.now();});</script>";

    /// <summary>The Chromium executable, or null when none is installed.</summary>
    public static string? Executable { get; } =
        new[] { "/usr/bin/chromium" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "chromium"))).FirstOrDefault(File.Exists);

    /// <summary>
    /// Loads a copy of <paramref name="html"/> in headless Chromium and returns its load time, ms; null when Chromium is not installed.
    /// </summary>
    /// <exception cref="InvalidOperationException">Chromium failed, or printed no figure.</exception>
    /// <exception cref="TimeoutException">Chromium did not finish within <paramref name="timeout"/>.</exception>
    public static double? Measure(string html, TimeSpan timeout)
    {
        if (Executable is null)
            return null;
        var folder = Directory.CreateTempSubdirectory("slmbench-pageload-");
        try
        {
            var copy = Path.Combine(folder.FullName, Path.GetFileName(html));
            File.WriteAllText(copy, WithScript(File.ReadAllText(html)));
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                         "--no-first-run", "--no-default-browser-check", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", "--dump-dom", new Uri(copy).AbsoluteUri])
                start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not load {html} within {timeout.TotalSeconds} s.");
            }

            return Figure(stdout.Result) ?? throw new InvalidOperationException($"chromium (exit code {process.ExitCode}) printed no '{TitlePrefix}' title for {html}; stderr: {stderr.Result}");
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A crash-reporter child may still hold a file for a moment; the temporary folder is left to the OS.
            }
        }
    }

    /// <summary><paramref name="page"/> with <see cref="Script"/> before its last <c>&lt;/body&gt;</c> (at the end when it has none).</summary>
    public static string WithScript(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var at = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? page + Script : page.Insert(at, Script);
    }

    /// <summary>The figure in the title of a dumped DOM, ms; null when the title does not carry one.</summary>
    public static double? Figure(string dom)
    {
        ArgumentNullException.ThrowIfNull(dom);
        var match = TitleFigure().Match(dom);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex("<title>" + TitlePrefix + @"([0-9]+(?:\.[0-9]+)?)</title>")]
    private static partial Regex TitleFigure();
}
