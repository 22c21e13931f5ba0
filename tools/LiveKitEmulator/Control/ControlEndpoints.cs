using System.Text.Json;
using System.Text.Json.Serialization;
using ItqanRecording.LiveKitEmulator.Egresses;
using ItqanRecording.LiveKitEmulator.Faults;
using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Control;

/// <summary>The unauthenticated test-control API under <c>/_emulator</c>, plus <c>/health</c>. See README.md.</summary>
public static class ControlEndpoints
{
    private static readonly JsonSerializerOptions FaultJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IEndpointRouteBuilder MapEmulatorControl(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Text("ok"));

        var control = app.MapGroup("/_emulator");
        control.MapGet("/faults", (FaultState faults) => TypedResults.Json(faults.Current, FaultJson));
        control.MapPost("/faults", SetFaultsAsync);
        control.MapDelete("/faults", (FaultState faults) =>
        {
            faults.Reset();
            return TypedResults.NoContent();
        });
        control.MapGet("/egress", (EgressStore store) => TypedResults.Ok(new EgressListing(
            store.StartCalls, [.. store.All().Select(e => EgressSummary.From(e.Snapshot(), store.StopCallsOf(e.Id)))])));
        control.MapPost("/rooms/{roomName}/finish", (string roomName, EmulatorControl emulator) =>
        {
            var (room, ended) = emulator.FinishRoom(roomName);
            return TypedResults.Ok(new RoomFinished(room.Name, room.Sid, ended));
        });
        control.MapPost("/rooms/{roomName}/participants/{identity}/join", (string roomName, string identity, string? name, EmulatorControl emulator) =>
            TypedResults.Ok(emulator.Join(roomName, identity, name)));
        control.MapPost("/rooms/{roomName}/participants/{identity}/leave", (string roomName, string identity, EmulatorControl emulator) =>
            emulator.Leave(roomName, identity) is { } participant
                ? Results.Ok(participant)
                : Results.Problem($"{identity} is not in room {roomName}", statusCode: StatusCodes.Status404NotFound));
        control.MapPost("/egress/{egressId}/forget", (string egressId, EmulatorControl emulator) =>
            emulator.Forget(egressId) ? Results.NoContent() : NotFound(egressId));
        control.MapPost("/egress/{egressId}/complete", CompleteAsync);
        control.MapPost("/reset", (EmulatorControl emulator) =>
        {
            emulator.Reset();
            return TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<IResult> SetFaultsAsync(HttpRequest request, FaultState faults)
    {
        FaultSet? faultSet;
        try
        {
            faultSet = await JsonSerializer.DeserializeAsync<FaultSet>(request.Body, FaultJson, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault set");
        }

        var problems = faultSet?.Problems().ToList() ?? ["the body must be a JSON object"];
        if (problems.Count > 0)
        {
            return Results.Problem(string.Join("; ", problems), statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault set");
        }

        faults.Set(faultSet!);
        return TypedResults.Json(faultSet, FaultJson);
    }

    private static async Task<IResult> CompleteAsync(
        string egressId, bool? silent, EmulatorControl emulator, EgressStore store, CancellationToken cancellationToken)
    {
        var completed = await emulator.CompleteAsync(egressId, silent ?? false, cancellationToken);
        return completed.Error switch
        {
            null => TypedResults.Ok(EgressSummary.From(completed.Value!, store.StopCallsOf(egressId))),
            { Code: "not_found" } => NotFound(egressId),
            { } error => Results.Problem(error.Msg, statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static IResult NotFound(string egressId) =>
        Results.Problem($"egress {egressId} does not exist", statusCode: StatusCodes.Status404NotFound);

    private sealed record EgressListing(long StartCalls, IReadOnlyList<EgressSummary> Egress);

    private sealed record RoomFinished(string RoomName, string RoomSid, IReadOnlyList<string> EndedEgressIds);

    private sealed record EgressSummary(
        string EgressId,
        string RoomName,
        string RoomId,
        string Status,
        string Filepath,
        string Filename,
        string LocalPath,
        long Size,
        string Error,
        string Details,
        bool Silenced,
        int StopCalls)
    {
        public static EgressSummary From(EgressSnapshot egress, int stopCalls) => new(
            egress.EgressId,
            egress.Room.Name,
            egress.Room.Sid,
            LiveKitSchema.EgressStatus.NameOf((int)egress.Status)!,
            egress.Output.RequestedFilepath,
            egress.Output.Filename,
            egress.Output.LocalPath,
            egress.File.Size,
            egress.Error,
            egress.Details,
            egress.Silenced,
            stopCalls);
    }
}
