using System.Globalization;
using System.Text.Json;
using ItqanRecording.Application.Common.Egress;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>One page of <c>ListEgressResponse</c>; <see cref="NextPageToken"/> is empty on the last page.</summary>
public sealed record EgressListPage(IReadOnlyList<EgressInfo> Items, string NextPageToken);

/// <summary>A Twirp error body: <c>{"code": "...", "msg": "..."}</c>.</summary>
public sealed record TwirpError(string Code, string Message);

/// <summary>
/// Reads LiveKit's proto3 JSON the way Go <c>protojson</c> does: lowerCamelCase and snake_case names, int64 as a
/// string or a number, enums by name or number, <c>null</c> as the default, unknown fields ignored, any field order.
/// Anything else throws <see cref="JsonException"/> and nothing but that.
/// </summary>
public static class EgressJsonReader
{
    private static readonly Dictionary<string, EgressStatus> StatusNames = new(StringComparer.Ordinal)
    {
        ["EGRESS_STARTING"] = EgressStatus.Starting,
        ["EGRESS_ACTIVE"] = EgressStatus.Active,
        ["EGRESS_ENDING"] = EgressStatus.Ending,
        ["EGRESS_COMPLETE"] = EgressStatus.Complete,
        ["EGRESS_FAILED"] = EgressStatus.Failed,
        ["EGRESS_ABORTED"] = EgressStatus.Aborted,
        ["EGRESS_LIMIT_REACHED"] = EgressStatus.LimitReached,
    };

    public static EgressInfo ReadEgressInfo(ReadOnlyMemory<byte> json) => ReadDocument(json, ReadEgressInfo);

    public static EgressListPage ReadListEgressResponse(ReadOnlyMemory<byte> json) => ReadDocument(json, ReadListEgressResponse);

    /// <summary>A <c>WebhookEvent</c>; <c>event</c> and <c>id</c> are required. Its <c>createdAt</c> is in seconds.</summary>
    public static LiveKitWebhookEvent ReadWebhookEvent(ReadOnlyMemory<byte> json) => ReadDocument(json, ReadWebhookEvent);

    public static TwirpError ReadTwirpError(ReadOnlyMemory<byte> json) => ReadDocument(json, ReadTwirpError);

    private static T ReadDocument<T>(ReadOnlyMemory<byte> json, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"Expected a JSON object, not {document.RootElement.ValueKind}.");
            }

            return read(document.RootElement);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement reports text it cannot decode (invalid UTF-8, lone surrogate escapes) this way.
            throw new JsonException("The JSON contains a string that is not valid Unicode.", ex);
        }
    }

    private static EgressInfo ReadEgressInfo(JsonElement message)
    {
        string egressId = "", roomName = "", error = "", details = "";
        var status = EgressStatus.Starting;
        long startedAt = 0, endedAt = 0, updatedAt = 0;
        var errorCode = 0;
        List<EgressFileResult> fileResults = [];
        EgressFileResult? legacyFile = null;

        foreach (var field in message.EnumerateObject())
        {
            switch (field.Name)
            {
                case "egressId" or "egress_id": egressId = ReadString(field); break;
                case "roomName" or "room_name": roomName = ReadString(field); break;
                case "status": status = ReadStatus(field); break;
                case "startedAt" or "started_at": startedAt = ReadInt64(field); break;
                case "endedAt" or "ended_at": endedAt = ReadInt64(field); break;
                case "updatedAt" or "updated_at": updatedAt = ReadInt64(field); break;
                case "error": error = ReadString(field); break;
                case "errorCode" or "error_code": errorCode = ReadInt32(field); break;
                case "details": details = ReadString(field); break;
                case "fileResults" or "file_results": fileResults = ReadMessages(field, ReadFileInfo); break;
                case "file": legacyFile = ReadMessage(field, ReadFileInfo); break;
            }
        }

        // The deprecated single `file` result only counts when `fileResults` is empty.
        if (fileResults.Count == 0 && legacyFile is not null)
        {
            fileResults = [legacyFile];
        }

        return new EgressInfo(egressId, roomName, status, FromNanoseconds(startedAt), FromNanoseconds(endedAt),
            FromNanoseconds(updatedAt), error, errorCode, details, fileResults);
    }

    private static EgressFileResult ReadFileInfo(JsonElement message)
    {
        string filename = "", location = "";
        long size = 0, duration = 0, startedAt = 0, endedAt = 0;

        foreach (var field in message.EnumerateObject())
        {
            switch (field.Name)
            {
                case "filename": filename = ReadString(field); break;
                case "location": location = ReadString(field); break;
                case "size": size = ReadInt64(field); break;
                case "duration": duration = ReadInt64(field); break;
                case "startedAt" or "started_at": startedAt = ReadInt64(field); break;
                case "endedAt" or "ended_at": endedAt = ReadInt64(field); break;
            }
        }

        return new EgressFileResult(filename, location, size, TimeSpan.FromTicks(duration / TimeSpan.NanosecondsPerTick),
            FromNanoseconds(startedAt), FromNanoseconds(endedAt));
    }

    private static EgressListPage ReadListEgressResponse(JsonElement message)
    {
        IReadOnlyList<EgressInfo> items = [];
        var nextPageToken = "";

        foreach (var field in message.EnumerateObject())
        {
            switch (field.Name)
            {
                case "items": items = ReadMessages(field, ReadEgressInfo); break;
                case "nextPageToken" or "next_page_token": nextPageToken = ReadMessage(field, ReadPageToken) ?? ""; break;
            }
        }

        return new EgressListPage(items, nextPageToken);
    }

    private static string ReadPageToken(JsonElement message)
    {
        var token = "";
        foreach (var field in message.EnumerateObject())
        {
            if (field.Name == "token")
            {
                token = ReadString(field);
            }
        }

        return token;
    }

    private static LiveKitWebhookEvent ReadWebhookEvent(JsonElement message)
    {
        string id = "", eventName = "";
        long createdAt = 0;
        string? roomName = null;
        EgressInfo? egress = null;
        LiveKitParticipant? participant = null;

        foreach (var field in message.EnumerateObject())
        {
            switch (field.Name)
            {
                case "id": id = ReadString(field); break;
                case "event": eventName = ReadString(field); break;
                case "createdAt" or "created_at": createdAt = ReadInt64(field); break;
                case "room": roomName = ReadMessage(field, ReadRoomName); break;
                case "egressInfo" or "egress_info": egress = ReadMessage(field, ReadEgressInfo); break;
                case "participant": participant = ReadMessage(field, ReadParticipant); break;
            }
        }

        if (eventName.Length == 0)
        {
            throw new JsonException("The webhook event has no 'event' name.");
        }

        if (id.Length == 0)
        {
            throw new JsonException($"The '{eventName}' webhook event has no 'id'.");
        }

        return new LiveKitWebhookEvent(id, eventName, FromSeconds(createdAt), roomName, egress, participant);
    }

    /// <summary>
    /// A <c>ParticipantInfo</c>: its <c>joinedAt</c> is in seconds (<c>joinedAtMs</c> in milliseconds, preferred when
    /// there); <c>kind</c> <c>EGRESS</c> (or 2), or an <c>EG_</c> identity, is the recorder.
    /// </summary>
    private static LiveKitParticipant? ReadParticipant(JsonElement message)
    {
        string sid = "", identity = "", name = "";
        long joinedAt = 0, joinedAtMs = 0;
        var recorder = false;
        foreach (var field in message.EnumerateObject())
        {
            switch (field.Name)
            {
                case "sid": sid = ReadString(field); break;
                case "identity": identity = ReadString(field); break;
                case "name": name = ReadString(field); break;
                case "joinedAt" or "joined_at": joinedAt = ReadInt64(field); break;
                case "joinedAtMs" or "joined_at_ms": joinedAtMs = ReadInt64(field); break;
                case "kind": recorder = field.Value.ValueKind == JsonValueKind.Number ? ReadInt64(field) == 2 : ReadString(field) == "EGRESS"; break;
            }
        }

        if (sid.Length == 0 || identity.Length == 0)
        {
            return null;
        }

        var joined = joinedAtMs > 0 ? FromSeconds(joinedAtMs / 1000)?.AddMilliseconds(joinedAtMs % 1000) : FromSeconds(joinedAt);
        return new LiveKitParticipant(sid, identity, name, joined, recorder || identity.StartsWith("EG_", StringComparison.Ordinal));
    }

    private static string? ReadRoomName(JsonElement message)
    {
        var name = "";
        foreach (var field in message.EnumerateObject())
        {
            if (field.Name == "name")
            {
                name = ReadString(field);
            }
        }

        return name.Length == 0 ? null : name;
    }

    private static TwirpError ReadTwirpError(JsonElement message)
    {
        string code = "", text = "";
        foreach (var field in message.EnumerateObject())
        {
            switch (field.Name)
            {
                case "code": code = ReadString(field); break;
                case "msg": text = ReadString(field); break;
            }
        }

        return code.Length == 0 ? throw new JsonException("A Twirp error needs a 'code'.") : new TwirpError(code, text);
    }

    private static T? ReadMessage<T>(JsonProperty field, Func<JsonElement, T> read) => field.Value.ValueKind switch
    {
        JsonValueKind.Object => read(field.Value),
        JsonValueKind.Null => default,
        _ => throw WrongType(field, "an object"),
    };

    private static List<T> ReadMessages<T>(JsonProperty field, Func<JsonElement, T> read)
    {
        if (field.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (field.Value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(field, "an array");
        }

        var items = new List<T>();
        foreach (var item in field.Value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.Object
                ? read(item)
                : throw new JsonException($"Field '{field.Name}' must hold objects, not {item.ValueKind}."));
        }

        return items;
    }

    private static string ReadString(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.String => field.Value.GetString()!,
        JsonValueKind.Null => "",
        _ => throw WrongType(field, "a string"),
    };

    private static long ReadInt64(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Number when field.Value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(field.Value.GetString(), NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var number) => number,
        JsonValueKind.Null => 0,
        _ => throw WrongType(field, "a 64-bit integer (number or string)"),
    };

    private static int ReadInt32(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Number when field.Value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(field.Value.GetString(), NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var number) => number,
        JsonValueKind.Null => 0,
        _ => throw WrongType(field, "a 32-bit integer"),
    };

    private static EgressStatus ReadStatus(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.String when StatusNames.TryGetValue(field.Value.GetString()!, out var status) => status,
        JsonValueKind.Number when field.Value.TryGetInt32(out var number) && Enum.IsDefined((EgressStatus)number)
            => (EgressStatus)number,
        JsonValueKind.Null => EgressStatus.Starting,
        _ => throw new JsonException($"Field '{field.Name}' holds an unknown EgressStatus: {field.Value.GetRawText()}"),
    };

    private static JsonException WrongType(JsonProperty field, string expected) =>
        new($"Field '{field.Name}' must be {expected}, not {field.Value.ValueKind}.");

    private static DateTimeOffset? FromNanoseconds(long nanoseconds) =>
        nanoseconds == 0 ? null : DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / TimeSpan.NanosecondsPerTick);

    private static DateTimeOffset? FromSeconds(long seconds)
    {
        if (seconds == 0)
        {
            return null;
        }

        return seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new JsonException($"createdAt {seconds} is not a valid Unix time in seconds.");
    }
}
