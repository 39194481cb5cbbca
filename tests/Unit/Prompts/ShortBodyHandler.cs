using System.Net;

namespace SlmEnergyBench.Unit.Prompts;

/// <summary>Answers with a body shorter than its Content-Length (what a dropped connection leaves), which WireMock cannot serve.</summary>
internal sealed class ShortBodyHandler(byte[] body, long contentLength) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentLength = contentLength;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
