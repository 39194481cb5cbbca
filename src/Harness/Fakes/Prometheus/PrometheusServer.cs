using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// A real Prometheus (the <c>prometheus</c> binary, e.g. Debian's 2.42) on a free 127.0.0.1 port with a generated configuration
/// (<see cref="PrometheusConfigFile"/>) and its storage in a fresh temporary folder. <see cref="StartAsync"/> returns once it is
/// ready and has scraped every target; disposing kills it (with any children), waits for its exit and deletes the folder.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    // A free port is found by binding port 0 and releasing it, so another process may take it before Prometheus binds it.
    private const int PortAttempts = 3;
    private readonly Process _process;
    private readonly StderrTail _log;

    private PrometheusServer(Process process, StderrTail log, string folder, string url)
    {
        _process = process;
        _log = log;
        Folder = folder;
        Url = url;
    }

    /// <summary>Its base URL, <c>http://127.0.0.1:port</c> (the HTTP API is under <c>/api/v1</c>).</summary>
    public string Url { get; }

    /// <summary>The temporary folder holding <c>prometheus.yml</c> and the storage (<c>data/</c>); deleted on dispose.</summary>
    public string Folder { get; }

    /// <summary>The generated configuration file.</summary>
    public string ConfigPath => Path.Combine(Folder, "prometheus.yml");

    /// <summary>The Prometheus process's id (read it before disposing).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines Prometheus logged (warnings and errors only).</summary>
    public string LogTail => _log.ToString();

    /// <summary>
    /// The executable: <paramref name="given"/> when set and present, else <c>/usr/bin/prometheus</c>, else <c>prometheus</c> on
    /// PATH; null when none is found.
    /// </summary>
    public static string? FindBinary(string? given = null)
    {
        if (given is not null)
            return File.Exists(given) ? Path.GetFullPath(given) : null;
        if (File.Exists("/usr/bin/prometheus"))
            return "/usr/bin/prometheus";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "prometheus"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Starts Prometheus and waits until it is ready and has scraped every target once.</summary>
    /// <exception cref="PrometheusServerException">No binary, it exited, or it was not ready within the start timeout (its log tail included).</exception>
    /// <exception cref="ArgumentException">A bad option (see <see cref="PrometheusConfigFile.Write"/>).</exception>
    public static async Task<PrometheusServer> StartAsync(PrometheusServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binary = FindBinary(options.Binary) ?? throw new PrometheusServerException(
            $"prometheus was not found ({(options.Binary is null ? "not at /usr/bin/prometheus nor on PATH" : $"no file at {options.Binary}")}): install it: apt-get install prometheus (.ci/run installs it).");
        var config = PrometheusConfigFile.Write(options);
        var folder = Directory.CreateTempSubdirectory("slmbench-prometheus-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), config, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await LaunchAsync(binary, folder, options, cancellationToken).ConfigureAwait(false);
                }
                catch (PrometheusServerException e) when (attempt < PortAttempts && e.Message.Contains("address already in use", StringComparison.Ordinal))
                {
                    // Another process took the free port between our probe and Prometheus's bind: try another.
                }
            }
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process).ConfigureAwait(false);
        _process.Dispose();
        DeleteFolder(Folder);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<PrometheusServer> LaunchAsync(string binary, string folder, PrometheusServerOptions options, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var log = new StderrTail();
        var process = Process.Start(StartInfo(binary, folder, port))
            ?? throw new PrometheusServerException($"{binary} could not be started.");
        _ = log.DrainAsync(process.StandardError, CancellationToken.None);
        _ = log.DrainAsync(process.StandardOutput, CancellationToken.None);
        var server = new PrometheusServer(process, log, folder, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        try
        {
            while (!await PrometheusReadiness.IsReadyAsync(http, url, options.Targets.Count, cancellationToken).ConfigureAwait(false))
            {
                if (process.HasExited || deadline.Elapsed > options.StartTimeout)
                {
                    var why = process.HasExited ? $"exited with code {process.ExitCode}" : $"was not ready with every target scraped within {options.StartTimeout.TotalSeconds:0} s";
                    throw new PrometheusServerException($"prometheus ({binary}, {url}, config {Path.Combine(folder, "prometheus.yml")}) {why}; its log: {log.Quoted()}");
                }
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            return server;
        }
        catch
        {
            // Not started, or the wait was cancelled: never leave the process running on a folder the caller is about to delete.
            await StopAsync(process).ConfigureAwait(false);
            process.Dispose();
            throw;
        }
    }

    private static ProcessStartInfo StartInfo(string binary, string folder, int port)
    {
        var start = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in (string[])[
            $"--config.file={Path.Combine(folder, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--storage.tsdb.retention.time=1d",
            "--log.level=warn",
        ])
            start.ArgumentList.Add(argument);
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(ExitWait).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
