using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ItqanRecording.Application.Common.Egress;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>
/// Calls LiveKit's <c>livekit.Egress</c> Twirp service with JSON. It sends each call once; the HTTP pipeline it is
/// registered with (<see cref="LiveKitResilience"/>) limits time, breaks the circuit, and retries the idempotent
/// calls only — never Start.
/// </summary>
public sealed class TwirpEgressClient(HttpClient httpClient, LiveKitAccessTokenFactory tokens, ILogger<TwirpEgressClient> logger)
    : IEgressClient
{
    private const string ServicePath = "twirp/livekit.Egress/";
    private const int MaxErrorTextLength = 500;
    private const string JsonMediaType = "application/json";

    public async Task<EgressInfo> StartRoomCompositeEgressAsync(RoomCompositeEgressRequest request, CancellationToken cancellationToken)
    {
        var egress = await CallAsync("StartRoomCompositeEgress", EgressJsonWriter.StartRoomCompositeEgress(request),
            EgressJsonReader.ReadEgressInfo, cancellationToken);
        logger.LogInformation("LiveKit started egress {EgressId} for room {RoomName}", egress.EgressId, request.RoomName);
        return egress;
    }

    public async Task<EgressInfo> StopEgressAsync(string egressId, CancellationToken cancellationToken)
    {
        var egress = await CallAsync("StopEgress", EgressJsonWriter.StopEgress(egressId), EgressJsonReader.ReadEgressInfo,
            cancellationToken);
        logger.LogInformation("LiveKit is stopping egress {EgressId}, now {EgressStatus}", egressId, egress.Status);
        return egress;
    }

    /// <summary>Follows <c>nextPageToken</c> until the server stops sending one (self-hosted servers never do).</summary>
    public async Task<IReadOnlyList<EgressInfo>> ListEgressAsync(EgressListFilter filter, CancellationToken cancellationToken)
    {
        var items = new List<EgressInfo>();
        var pageToken = "";
        while (true)
        {
            var page = await CallAsync("ListEgress", EgressJsonWriter.ListEgress(filter, pageToken),
                EgressJsonReader.ReadListEgressResponse, cancellationToken);
            items.AddRange(page.Items);
            if (page.NextPageToken.Length == 0 || page.NextPageToken == pageToken)
            {
                return items;
            }

            pageToken = page.NextPageToken;
        }
    }

    private async Task<T> CallAsync<T>(string method, byte[] body, Func<ReadOnlyMemory<byte>, T> readResponse,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ServicePath + method);
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(JsonMediaType) } };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.CreateEgressToken());

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw Failed(method, new EgressException(EgressFailure.Timeout, null, null,
                $"LiveKit did not answer {method} within {httpClient.Timeout.TotalSeconds:0.###} s.", ex));
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failed(method, new EgressException(EgressFailure.Timeout, null, null,
                $"LiveKit did not answer {method} in time.", ex));
        }
        catch (BrokenCircuitException ex)
        {
            throw Failed(method, new EgressException(EgressFailure.Unavailable, null, null,
                $"LiveKit failed too often recently; {method} was not sent. Try again shortly.", ex));
        }
        catch (HttpRequestException ex)
        {
            throw Failed(method, new EgressException(EgressFailure.Unavailable, null, null,
                $"LiveKit could not be reached for {method}: {ex.Message}", ex));
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed(method, ErrorFromResponse(response, content));
            }

            try
            {
                return readResponse(content);
            }
            catch (JsonException ex)
            {
                throw Failed(method, new EgressException(EgressFailure.Unavailable, null, (int)response.StatusCode,
                    $"LiveKit answered {method} with a body that is not the expected JSON: {ex.Message}", ex));
            }
        }
    }

    /// <summary>
    /// A Twirp error is JSON with a code. LiveKit's auth middleware and proxies answer in plain text; like the Node
    /// SDK, that text becomes the message.
    /// </summary>
    private static EgressException ErrorFromResponse(HttpResponseMessage response, byte[] content)
    {
        var status = (int)response.StatusCode;
        var failure = status is >= 400 and < 500 ? EgressFailure.Rejected : EgressFailure.Unavailable;
        if (string.Equals(response.Content.Headers.ContentType?.MediaType, JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var error = EgressJsonReader.ReadTwirpError(content);
                return new EgressException(failure, error.Code, status, error.Message);
            }
            catch (JsonException)
            {
                // Not a Twirp error after all: fall through to the raw text.
            }
        }

        var text = Encoding.UTF8.GetString(content).Trim();
        if (text.Length > MaxErrorTextLength)
        {
            text = text[..MaxErrorTextLength] + "…";
        }

        return new EgressException(failure, null, status, text.Length > 0 ? text : $"HTTP {status} {response.ReasonPhrase}");
    }

    private EgressException Failed(string method, EgressException exception)
    {
        logger.LogWarning(exception.InnerException, "LiveKit {Method} failed ({Failure}, HTTP {HttpStatus}, Twirp code {TwirpCode}): {Reason}",
            method, exception.Failure, exception.HttpStatus, exception.TwirpCode, exception.Message);
        return exception;
    }
}
