using Itqan.Recording.Api.Http;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Application.Recordings.ProcessEgressEnded;
using Itqan.Recording.Application.Recordings.ProcessEgressStarted;
using Itqan.Recording.Application.Recordings.ProcessEgressUpdated;
using Mediator;

namespace Itqan.Recording.Api.Endpoints;

public static class LiveKitWebhookEndpoints
{
    /// <summary>Webhook bodies are small JSON events; anything larger is not from LiveKit.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapLiveKitWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/livekit", Receive).WithName("ReceiveLiveKitWebhook").WithTags("LiveKit").AllowAnonymous()
            .Accepts<object>("application/webhook+json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>
    /// LiveKit's signed event. The signature is checked over the raw body before anything is parsed; events the
    /// service does not use are acknowledged and ignored.
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

        if (webhook.Event.StartsWith("egress_", StringComparison.Ordinal) && webhook.Egress is null)
        {
            return new Error("webhook.malformed", $"The {webhook.Event} event carries no egressInfo.", ErrorType.Validation).ToProblem();
        }

        ICommand<Result<Success>>? command = (webhook.Event, webhook.Egress) switch
        {
            ("egress_started", { } egress) => new ProcessEgressStarted(egress),
            ("egress_updated", { } egress) => new ProcessEgressUpdated(egress),
            ("egress_ended", { } egress) => new ProcessEgressEnded(egress),
            _ => null,
        };
        if (command is null)
        {
            return TypedResults.Ok();
        }

        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok() : result.Error.ToProblem();
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
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
