using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlmEnergyBench.Benchmarks.Requests;

/// <summary>
/// A Kestrel server in this process on a free loopback port (127.0.0.1, as GPT4All and llama-server listen) that answers every
/// request at once with one <see cref="CannedAnswer"/>: it reads the request's body, then writes the prebuilt bytes in one write,
/// with no generation delay. Both paths of <see cref="RequestOverheadBenchmarks"/> talk to the same server, so its cost is in both
/// and cancels in their difference.
/// </summary>
public sealed class InstantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InstantServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Starts a server answering every request with <paramref name="answer"/> (status 200).</summary>
    public static async Task<InstantServer> StartAsync(CannedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = answer.ContentType;
            if (!answer.ChunkedLength)
                context.Response.ContentLength = answer.Bytes.Length;
            await context.Response.Body.WriteAsync(answer.Bytes, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel started without telling its address (no IServerAddressesFeature).");
        var address = addresses.Single();
        return new InstantServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
