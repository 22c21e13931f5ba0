using System.Net;
using System.Text;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

/// <summary>Records each request (with its body) and answers with a canned response.</summary>
internal sealed class CapturingHandler(Func<HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<CapturedRequest> Requests { get; } = [];

    public static CapturingHandler Answering(HttpStatusCode status, string body, string contentType = "application/json") =>
        new(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add(new CapturedRequest(request.Method, request.RequestUri!, request.Headers.Authorization,
            request.Content?.Headers.ContentType?.ToString(), body));
        return respond();
    }
}

internal sealed record CapturedRequest(
    HttpMethod Method,
    Uri Uri,
    System.Net.Http.Headers.AuthenticationHeaderValue? Authorization,
    string? ContentType,
    byte[] Body);
