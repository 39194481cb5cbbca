using System.Text;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// The in-process HTTP hosting every fake server shares: a WireMock server on a free loopback port (127.0.0.1 only, as GPT4All and
/// llama.cpp listen) whose one catch-all mapping hands every request to the fake's own engine, and the plain JSON reply shape.
/// </summary>
internal static class FakeHttpHost
{
    /// <summary>Starts the server; <paramref name="respond"/> answers every request, whatever its method and path.</summary>
    public static WireMockServer Start(Func<IRequestMessage, Task<IResponseMessage>> respond)
    {
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            Logger = new WireMockNullLogger(),
            DisableJsonBodyParsing = true,
            MaxRequestLogCount = 100,
        });
        server
            .Given(Request.Create().WithPath("/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(respond));
        return server;
    }

    /// <summary><paramref name="reply"/> as an HTTP response: its status, and its JSON body with <c>Content-Type: application/json</c>, or no body.</summary>
    public static ResponseMessage Json(FakeReply reply) => new()
    {
        StatusCode = reply.Status,
        Headers = reply.Json is null
            ? new Dictionary<string, WireMockList<string>>()
            : new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = reply.Json is null
            ? null
            : new BodyData { BodyAsString = reply.Json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
    };
}
