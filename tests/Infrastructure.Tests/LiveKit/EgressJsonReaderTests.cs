using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Infrastructure.LiveKit;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

public sealed class EgressJsonReaderTests
{
    private const string FilePath = "/recordings/interactive/2026/11/session-7f3c2a10-20261125_143025.mp4";
    private const string RoomName = "itqan-interactive-7f3c2a10";

    private static readonly string[] Int64Fields = ["createdAt", "startedAt", "endedAt", "updatedAt", "size", "duration"];

    [Fact]
    public void Egress_ended_complete_webhook_carries_status_and_file()
    {
        var webhook = ReadWebhook("webhook.egress_ended.complete.json");

        webhook.Id.Should().Be("EV_fixture0004");
        webhook.Event.Should().Be("egress_ended");
        webhook.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1795620628));
        webhook.RoomName.Should().Be(RoomName);
        var egress = webhook.Egress!;
        egress.EgressId.Should().Be("EG_k3Qm9TfXa2Lp");
        egress.RoomName.Should().Be(RoomName);
        egress.Status.Should().Be(EgressStatus.Complete);
        egress.IsTerminal.Should().BeTrue();
        egress.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1795617027));
        egress.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1795620627500));
        egress.UpdatedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1795620627500));
        egress.Error.Should().BeEmpty();
        egress.ErrorCode.Should().Be(0);
        var file = egress.FileResults.Should().ContainSingle().Subject;
        file.Filename.Should().Be(FilePath);
        file.Location.Should().Be(FilePath);
        file.SizeBytes.Should().Be(45678901);
        file.Duration.Should().Be(TimeSpan.FromSeconds(3600.5));
        file.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1795617027));
        file.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1795620627500));
    }

    [Fact]
    public void Egress_ended_at_the_limit_is_terminal_and_keeps_its_file()
    {
        var egress = ReadWebhook("webhook.egress_ended.limit_reached.json").Egress!;

        egress.Status.Should().Be(EgressStatus.LimitReached);
        egress.IsTerminal.Should().BeTrue();
        egress.Details.Should().Be("egress limit reached");
        egress.FileResults.Should().ContainSingle().Which.SizeBytes.Should().Be(45678901);
    }

    [Fact]
    public void Failed_egress_carries_error_and_code_and_no_file()
    {
        var egress = ReadWebhook("webhook.egress_ended.failed.json").Egress!;

        egress.Status.Should().Be(EgressStatus.Failed);
        egress.Error.Should().Be("pipeline failed: could not connect to room");
        egress.ErrorCode.Should().Be(500);
        egress.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1795617062));
        egress.FileResults.Should().BeEmpty();
    }

    [Fact]
    public void Egress_started_without_status_is_starting()
    {
        var webhook = ReadWebhook("webhook.egress_started.json");

        webhook.Event.Should().Be("egress_started");
        webhook.Egress!.Status.Should().Be(EgressStatus.Starting);
        webhook.Egress.StartedAt.Should().BeNull("startedAt is absent, i.e. 0");
        webhook.Egress.EndedAt.Should().BeNull();
        webhook.Egress.UpdatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1795617025));
        webhook.Egress.FileResults.Should().BeEmpty();
    }

    [Theory]
    [InlineData("webhook.egress_updated.active.json", EgressStatus.Active)]
    [InlineData("webhook.egress_updated.ending.json", EgressStatus.Ending)]
    public void Egress_updated_webhooks_carry_their_status(string fixture, EgressStatus status)
    {
        var webhook = ReadWebhook(fixture);

        webhook.Event.Should().Be("egress_updated");
        webhook.Egress!.Status.Should().Be(status);
        webhook.Egress.IsTerminal.Should().BeFalse();
    }

    [Theory]
    [InlineData("webhook.participant_joined.json", "participant_joined", "EV_fixture0007")]
    [InlineData("webhook.room_finished.json", "room_finished", "EV_fixture0008")]
    public void Room_and_participant_webhooks_parse_without_egress(string fixture, string eventName, string id)
    {
        var webhook = ReadWebhook(fixture);

        webhook.Event.Should().Be(eventName);
        webhook.Id.Should().Be(id);
        webhook.RoomName.Should().Be(RoomName);
        webhook.Egress.Should().BeNull();
    }

    [Fact]
    public void Start_response_in_server_style_snake_case_with_defaults_parses()
    {
        var egress = EgressJsonReader.ReadEgressInfo(LiveKitFixtures.Bytes("start-room-composite-egress.response.json"));

        egress.EgressId.Should().Be("EG_k3Qm9TfXa2Lp");
        egress.RoomName.Should().Be(RoomName);
        egress.Status.Should().Be(EgressStatus.Starting);
        egress.StartedAt.Should().BeNull("\"started_at\": \"0\" means unset");
        egress.EndedAt.Should().BeNull();
        egress.UpdatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1795617025));
        egress.Error.Should().BeEmpty();
        egress.FileResults.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(WebhookFixtures))]
    public void Int64_values_written_as_numbers_parse_the_same(string fixture)
    {
        var node = LiveKitFixtures.Node(fixture);
        var changed = Transform(node, (name, value) =>
            Int64Fields.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var text)
                ? JsonValue.Create(long.Parse(text))
                : null);

        changed.Should().BeGreaterThan(0);
        ReadWebhook(node).Should().BeEquivalentTo(ReadWebhook(fixture));
    }

    [Theory]
    [MemberData(nameof(WebhookFixtures))]
    public void Snake_case_names_parse_the_same_as_camel_case(string fixture)
    {
        var node = LiveKitFixtures.Node(fixture);
        var snake = RenameKeys(node, JsonNamingPolicy.SnakeCaseLower.ConvertName);

        ReadWebhook(snake).Should().BeEquivalentTo(ReadWebhook(fixture));
    }

    [Theory]
    [InlineData("EGRESS_STARTING", 0)]
    [InlineData("EGRESS_ACTIVE", 1)]
    [InlineData("EGRESS_ENDING", 2)]
    [InlineData("EGRESS_COMPLETE", 3)]
    [InlineData("EGRESS_FAILED", 4)]
    [InlineData("EGRESS_ABORTED", 5)]
    [InlineData("EGRESS_LIMIT_REACHED", 6)]
    public void Status_is_read_by_name_and_by_number(string name, int number)
    {
        var byName = EgressWith($$"""{"egressId":"EG_1","status":"{{name}}"}""").Status;
        var byNumber = EgressWith($$"""{"egressId":"EG_1","status":{{number}}}""").Status;

        byName.Should().Be((EgressStatus)number);
        byNumber.Should().Be((EgressStatus)number);
    }

    [Theory]
    [InlineData("\"EGRESS_PAUSED\"")]
    [InlineData("\"egress_complete\"")]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("true")]
    public void Unknown_status_is_a_payload_error(string status)
    {
        var read = () => EgressWith($$"""{"egressId":"EG_1","status":{{status}}}""");

        read.Should().Throw<JsonException>().WithMessage("*status*");
    }

    [Fact]
    public void Unknown_fields_and_field_order_are_ignored()
    {
        var node = LiveKitFixtures.Node("webhook.egress_ended.complete.json").AsObject();
        node["numDropped"] = 3;
        node["future"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        var egress = node["egressInfo"]!.AsObject();
        egress["manifestLocation"] = "/out/EG_k3Qm9TfXa2Lp.json";
        egress["streamResults"] = new JsonArray();
        egress["brandNewField"] = JsonValue.Create(true);
        egress["fileResults"]![0]!.AsObject()["checksum"] = "abc";
        var reordered = Reverse(node);

        ReadWebhook(reordered).Should().BeEquivalentTo(ReadWebhook("webhook.egress_ended.complete.json"));
    }

    [Fact]
    public void Null_fields_and_messages_mean_their_defaults()
    {
        var egress = EgressWith("""
            {"egressId":"EG_1","status":null,"error":null,"errorCode":null,"startedAt":null,
             "file":null,"fileResults":null,"roomComposite":null}
            """);

        egress.Status.Should().Be(EgressStatus.Starting);
        egress.Error.Should().BeEmpty();
        egress.ErrorCode.Should().Be(0);
        egress.StartedAt.Should().BeNull();
        egress.FileResults.Should().BeEmpty();
    }

    [Fact]
    public void Deprecated_file_is_used_when_file_results_are_empty()
    {
        var egress = EgressWith("""
            {"egressId":"EG_1","fileResults":[],"file":{"filename":"/out/a.mp4","size":"10","duration":"2000000000"}}
            """);

        var file = egress.FileResults.Should().ContainSingle().Subject;
        file.Filename.Should().Be("/out/a.mp4");
        file.SizeBytes.Should().Be(10);
        file.Duration.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void File_results_win_over_the_deprecated_file()
    {
        var egress = EgressWith("""
            {"file":{"filename":"/out/legacy.mp4"},"egressId":"EG_1","fileResults":[{"filename":"/out/new.mp4"}]}
            """);

        egress.FileResults.Should().ContainSingle().Which.Filename.Should().Be("/out/new.mp4");
    }

    [Fact]
    public void Nanosecond_durations_keep_sub_millisecond_precision()
    {
        var egress = EgressWith("""{"fileResults":[{"duration":"1234567","startedAt":"1795617027000012300"}]}""");

        var file = egress.FileResults.Single();
        file.Duration.Should().Be(TimeSpan.FromTicks(12345));
        file.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1795617027).AddTicks(123));
    }

    [Fact]
    public void List_response_reads_items_and_page_token_in_either_style()
    {
        var snake = EgressJsonReader.ReadListEgressResponse(Encoding.UTF8.GetBytes(
            """{"items":[{"egress_id":"EG_1","status":"EGRESS_ACTIVE"},{"egress_id":"EG_2"}],"next_page_token":null}"""));
        var camel = EgressJsonReader.ReadListEgressResponse(Encoding.UTF8.GetBytes(
            """{"items":[],"nextPageToken":{"token":"page-2"}}"""));

        snake.Items.Select(e => (e.EgressId, e.Status)).Should().Equal(("EG_1", EgressStatus.Active), ("EG_2", EgressStatus.Starting));
        snake.NextPageToken.Should().BeEmpty();
        camel.Items.Should().BeEmpty();
        camel.NextPageToken.Should().Be("page-2");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"egress_ended\"")]
    [InlineData("null")]
    [InlineData("{\"event\":\"egress_ended\",\"id\":\"EV_1\"")]
    [InlineData("{\"id\":\"EV_1\"}")]
    [InlineData("{\"event\":\"egress_ended\"}")]
    [InlineData("{\"event\":\"\",\"id\":\"EV_1\"}")]
    [InlineData("{\"event\":7,\"id\":\"EV_1\"}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"createdAt\":true}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"createdAt\":\"12a\"}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"createdAt\":\"1.5\"}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"createdAt\":99999999999999999999}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"createdAt\":\"9223372036854775807\"}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"room\":\"RM_1\"}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":[]}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":{\"fileResults\":{}}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":{\"fileResults\":[1]}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":{\"fileResults\":[{\"size\":true}]}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":{\"fileResults\":[{\"size\":\"99999999999999999999\"}]}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":{\"errorCode\":3000000000}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":{\"errorCode\":1.5}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"egressInfo\":{\"egressId\":{}}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"\\ud800\"}")]
    [InlineData("{\"\\udc00\":1,\"event\":\"e\",\"id\":\"EV_1\"}")]
    public void Malformed_webhook_json_throws_json_exception(string json)
    {
        var read = () => EgressJsonReader.ReadWebhookEvent(Encoding.UTF8.GetBytes(json));

        read.Should().Throw<JsonException>().Which.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Payload_of_an_event_read_without_it_is_not_read_even_when_it_is_not_a_message()
    {
        var json = Encoding.UTF8.GetBytes(
            """{"event":"track_published","room":"RM_1","participant":5,"egressInfo":[],"track":{"sid":"TR_1"},"id":"EV_1","createdAt":"1795620628"}""");

        var webhook = EgressJsonReader.ReadWebhookEvent(json, _ => false);
        var withPayload = () => EgressJsonReader.ReadWebhookEvent(json, _ => true);

        webhook.Should().Be(new LiveKitWebhookEvent("EV_1", "track_published", DateTimeOffset.FromUnixTimeSeconds(1795620628), null, null));
        withPayload.Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"track\":{\"sid\":}}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\",\"track\":[1,2}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\"} {}")]
    [InlineData("{\"event\":\"e\",\"id\":\"EV_1\"")]
    [InlineData("{\"event\":\"e\",\"track\":{}}")]
    [InlineData("{\"id\":\"EV_1\"}")]
    [InlineData("{\"event\":\"e\",\"id\":7}")]
    [InlineData("[{\"event\":\"e\",\"id\":\"EV_1\"}]")]
    [InlineData("")]
    public void Event_read_without_its_payload_must_still_be_json_with_a_name_and_id(string json)
    {
        var read = () => EgressJsonReader.ReadWebhookEvent(Encoding.UTF8.GetBytes(json), _ => false);

        read.Should().Throw<JsonException>().Which.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Invalid_utf8_in_a_string_throws_json_exception()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"event":"e","id":"EV_x"}""");
        bytes[^3] = 0xFF;

        var read = () => EgressJsonReader.ReadWebhookEvent(bytes);

        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void Twirp_error_needs_a_code()
    {
        var error = EgressJsonReader.ReadTwirpError(Encoding.UTF8.GetBytes("""{"code":"not_found","msg":"egress does not exist","meta":{"k":"v"}}"""));
        var noCode = () => EgressJsonReader.ReadTwirpError(Encoding.UTF8.GetBytes("""{"error":"nope"}"""));

        error.Should().Be(new TwirpError("not_found", "egress does not exist"));
        noCode.Should().Throw<JsonException>();
    }

    public static TheoryData<string> WebhookFixtures() => new(LiveKitFixtures.WebhookFiles);

    private static LiveKitWebhookEvent ReadWebhook(string fixture) => EgressJsonReader.ReadWebhookEvent(LiveKitFixtures.Bytes(fixture));

    private static LiveKitWebhookEvent ReadWebhook(JsonNode? node) =>
        EgressJsonReader.ReadWebhookEvent(Encoding.UTF8.GetBytes(node!.ToJsonString()));

    private static EgressInfo EgressWith(string json) => EgressJsonReader.ReadEgressInfo(Encoding.UTF8.GetBytes(json));

    /// <summary>Replaces every property value for which <paramref name="replace"/> returns a node; returns how many.</summary>
    private static int Transform(JsonNode? node, Func<string, JsonNode?, JsonNode?> replace)
    {
        var count = 0;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (replace(name, value) is { } replacement)
                    {
                        obj[name] = replacement;
                        count++;
                    }
                    else
                    {
                        count += Transform(value, replace);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    count += Transform(item, replace);
                }

                break;
        }

        return count;
    }

    private static JsonNode? RenameKeys(JsonNode? node, Func<string, string> rename) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(rename(p.Key), RenameKeys(p.Value, rename)))),
        JsonArray array => new JsonArray(array.Select(item => RenameKeys(item, rename)).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonNode? Reverse(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Reverse).ToArray()),
        _ => node?.DeepClone(),
    };
}
