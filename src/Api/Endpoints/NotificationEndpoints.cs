using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ItqanRecording.Api.Auth;
using ItqanRecording.Application.Notifications;
using ItqanRecording.Application.Notifications.ListMyNotifications;
using ItqanRecording.Application.Notifications.MarkNotificationsSeen;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ItqanRecording.Api.Endpoints;

/// <summary>The newest notification the page showed: it and everything before it count as seen.</summary>
public sealed record NotificationsSeenRequest(DateTimeOffset? UpTo);

/// <summary>Ready notifications: the in-app list, its unread mark, and the live stream an open page listens to.</summary>
public static class NotificationEndpoints
{
    /// <summary>How often a quiet stream sends a <c>ping</c> event, so proxies keep it open.</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(25);

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        notifications.MapGet("", List).WithName("ListMyNotifications");
        notifications.MapPost("/seen", Seen).WithName("MarkNotificationsSeen").ProducesValidationProblem();
        notifications.MapGet("/events", Events).WithName("StreamMyNotifications")
            .Produces<ReadyNotice>(StatusCodes.Status200OK, "text/event-stream");
        return app;
    }

    /// <summary>
    /// The recordings of the user's classes that became watchable in the last 30 days (and still are), newest first,
    /// at most 20, with the number unread.
    /// </summary>
    private static async Task<Ok<MyNotifications>> List(HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListMyNotificationsQuery(http.User.ToActor()), cancellationToken));

    /// <summary>Everything up to <c>upTo</c> (the newest notification shown) counts as seen. 204.</summary>
    private static async Task<NoContent> Seen(
        NotificationsSeenRequest request, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new MarkNotificationsSeenCommand(request.UpTo, http.User.ToActor()), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Server-Sent Events while the page is open: a <c>recording_ready</c> event (<c>{"recordingId":…}</c>) when a
    /// recording of the user's classes becomes watchable; a <c>ping</c> event once listening, and after every 25 s of quiet.
    /// </summary>
    private static ServerSentEventsResult<ReadyNotice?> Events(HttpContext http, ReadyNotificationHub hub, CancellationToken cancellationToken)
    {
        // nginx (deploy/nginx) passes each event on at once instead of buffering the response.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(NoticesAsync(hub, http.User.ToActor().UserId, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<ReadyNotice?>> NoticesAsync(
        ReadyNotificationHub hub, Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe(userId);
        yield return new SseItem<ReadyNotice?>(null, "ping");
        while (!cancellationToken.IsCancellationRequested)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(PingInterval);
            ReadyNotice? notice;
            try
            {
                notice = await subscription.Notices.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                notice = null;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            yield return new SseItem<ReadyNotice?>(notice, notice is null ? "ping" : "recording_ready");
        }
    }
}
