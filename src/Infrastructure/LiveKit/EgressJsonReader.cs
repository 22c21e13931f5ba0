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
    public static LiveKitWebhookEvent ReadWebhookEvent(ReadOnlyMemory<byte> json) => ReadWebhookEvent(json, _ => true);

    /// <summary>
    /// A <c>WebhookEvent</c> whose room, participant and egress are read only when <paramref name="readsPayload"/>
    /// says so of its event name; otherwise they are null. The whole body is checked to be JSON either way, in one
    /// pass that builds no document of it: most of what LiveKit sends (<c>track_published</c> and the like) is
    /// acknowledged and ignored, and reading its payload was most of the receiver's CPU (issue #16).
    /// </summary>
    public static LiveKitWebhookEvent ReadWebhookEvent(ReadOnlyMemory<byte> json, Func<string, bool> readsPayload)
    {
        ArgumentNullException.ThrowIfNull(readsPayload);
        try
        {
            string id = "", eventName = "";
            long createdAt = 0;
            ReadOnlyMemory<byte> room = default, egress = default, participant = default;
            var reader = new Utf8JsonReader(json.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected a JSON object, not {reader.TokenType}.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    id = ReadString(ref reader, "id");
                }
                else if (reader.ValueTextEquals("event"u8))
                {
                    eventName = ReadString(ref reader, "event");
                }
                else if (reader.ValueTextEquals("createdAt"u8) || reader.ValueTextEquals("created_at"u8))
                {
                    createdAt = ReadInt64(ref reader, "createdAt");
                }
                else if (reader.ValueTextEquals("room"u8))
                {
                    room = ValueOf(ref reader, json);
                }
                else if (reader.ValueTextEquals("egressInfo"u8) || reader.ValueTextEquals("egress_info"u8))
                {
                    egress = ValueOf(ref reader, json);
                }
                else if (reader.ValueTextEquals("participant"u8))
                {
                    participant = ValueOf(ref reader, json);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything after the object (other than white space) makes the reader throw here.
            reader.Read();

            if (eventName.Length == 0)
            {
                throw new JsonException("The webhook event has no 'event' name.");
            }

            if (id.Length == 0)
            {
                throw new JsonException($"The '{eventName}' webhook event has no 'id'.");
            }

            return readsPayload(eventName)
                ? new LiveKitWebhookEvent(id, eventName, FromSeconds(createdAt), ReadMessage(room, "room", ReadRoomName),
                    ReadMessage(egress, "egressInfo", ReadEgressInfo), ReadMessage(participant, "participant", ReadParticipant))
                : new LiveKitWebhookEvent(id, eventName, FromSeconds(createdAt), null, null);
        }
        catch (InvalidOperationException ex)
        {
            // The reader and JsonElement report text they cannot decode (invalid UTF-8, lone surrogates) this way.
            throw new JsonException("The JSON contains a string that is not valid Unicode.", ex);
        }
    }

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

    /// <summary>The raw text of the value after the property name the reader is on, which it then moves past.</summary>
    private static ReadOnlyMemory<byte> ValueOf(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }

    /// <summary>The message in <paramref name="value"/> (a field's raw text; empty when absent), or null.</summary>
    private static T? ReadMessage<T>(ReadOnlyMemory<byte> value, string name, Func<JsonElement, T> read)
    {
        if (value.IsEmpty)
        {
            return default;
        }

        using var document = JsonDocument.Parse(value);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Object => read(document.RootElement),
            JsonValueKind.Null => default,
            var kind => throw new JsonException($"Field '{name}' must be an object, not {kind}."),
        };
    }

    private static string ReadString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Null => "",
            var token => throw new JsonException($"Field '{name}' must be a string, not {token}."),
        };
    }

    private static long ReadInt64(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number,
            JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var number) => number,
            JsonTokenType.Null => 0,
            var token => throw new JsonException($"Field '{name}' must be a 64-bit integer (number or string), not {token}."),
        };
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
