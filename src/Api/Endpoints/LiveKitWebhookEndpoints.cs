using ItqanRecording.Api.Http;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.EgressEvents.ReceiveLiveKitWebhook;
using Mediator;

namespace ItqanRecording.Api.Endpoints;

public static class LiveKitWebhookEndpoints
{
    /// <summary>Webhook bodies are small JSON events; anything larger is not from LiveKit.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapLiveKitWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/livekit", Receive).WithName("ReceiveLiveKitWebhook").WithTags("LiveKit").AllowAnonymous()
            .Accepts<object>("application/webhook+json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RetryOnDatabaseFailure(new Error(
                "webhook.retry_later", "The event could not be applied right now; send it again.", ErrorType.UpstreamUnavailable)));
        return app;
    }

    /// <summary>
    /// LiveKit's signed event. The signature is checked over the raw body before anything is parsed; events the
    /// service does not use are acknowledged and ignored. An event is applied at most once (by its id); a resend is
    /// acknowledged with 200. When the database cannot take the change right now (a concurrent change of the same
    /// row, a lost connection) the answer is 503, which LiveKit retries with the same event id.
    /// </summary>
    private static async Task<Results<Ok, ProblemHttpResult>> Receive(
        HttpRequest request, ILiveKitWebhookReceiver receiver, ISender sender, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return new Error("webhook.too_large", "The webhook body is too large.", ErrorType.Validation).ToProblem();
        }

        LiveKitWebhookEvent webhook;
        try
        {
            webhook = receiver.Receive(request.Headers.Authorization.ToString(), body);
        }
        catch (WebhookSignatureException exception)
        {
            return new Error("webhook.invalid_signature", exception.Message, ErrorType.Unauthorized).ToProblem();
        }
        catch (WebhookPayloadException exception)
        {
            return new Error("webhook.malformed", exception.Message, ErrorType.Validation).ToProblem();
        }

        if (!LiveKitWebhookCommands.TryCreate(webhook, out var command, out var error))
        {
            return error.ToProblem();
        }

        if (command is null)
        {
            return TypedResults.Ok();
        }

        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok() : result.Error.ToProblem();
    }

    /// <summary>
    /// The whole body, or null when it is larger than <see cref="MaxBodyBytes"/>. LiveKit states the length, so the
    /// body is read straight into an array of that size; without a length it is read in chunks.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            if (length > MaxBodyBytes)
            {
                return null;
            }

            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
