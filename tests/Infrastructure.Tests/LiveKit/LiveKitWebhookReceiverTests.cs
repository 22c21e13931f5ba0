using System.Text;
using System.Text.Json.Nodes;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Infrastructure.LiveKit;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

public sealed class LiveKitWebhookReceiverTests
{
    private static readonly DateTimeOffset Now = LiveKitFixtures.SignedVectorsTime;

    public static TheoryData<string> SignedVectorNames() => new(LiveKitFixtures.SignedWebhooks().Select(v => v.Name));

    [Theory]
    [MemberData(nameof(SignedVectorNames))]
    public void Signed_fixture_webhook_verifies_and_parses(string name)
    {
        var vector = Vector(name);
        var receiver = Receiver(vector.ApiKey, vector.ApiSecret, Now);

        var webhook = receiver.Receive(vector.Authorization, Encoding.UTF8.GetBytes(vector.Body));

        webhook.Should().BeEquivalentTo(EgressJsonReader.ReadWebhookEvent(Encoding.UTF8.GetBytes(vector.Body)));
        webhook.Id.Should().StartWith("EV_fixture");
    }

    [Fact]
    public void Signed_egress_ended_webhook_carries_the_finished_file()
    {
        var vector = Vector("webhook.egress_ended.complete.json");

        var webhook = Receiver().Receive(vector.Authorization, Encoding.UTF8.GetBytes(vector.Body));

        webhook.Event.Should().Be("egress_ended");
        webhook.Egress!.Status.Should().Be(EgressStatus.Complete);
        webhook.Egress.FileResults.Single().SizeBytes.Should().Be(45678901);
    }

    [Theory]
    [MemberData(nameof(SignedVectorNames))]
    public void Webhook_with_tampered_body_is_rejected(string name)
    {
        var vector = Vector(name);
        var body = Encoding.UTF8.GetBytes(vector.Body);
        var tampered = new List<byte[]>
        {
            Encoding.UTF8.GetBytes(vector.Body.Replace("EV_fixture", "EV_fixturf", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(vector.Body + " "),
            Encoding.UTF8.GetBytes(" " + vector.Body),
            body[..^1],
        };

        foreach (var changed in tampered)
        {
            var receive = () => Receiver().Receive(vector.Authorization, changed);
            receive.Should().Throw<WebhookSignatureException>().WithMessage("*sha256*");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Webhook_without_authorization_is_rejected(string? authorization)
    {
        var receive = () => Receiver().Receive(authorization, Encoding.UTF8.GetBytes(Vector("webhook.participant_joined.json").Body));

        receive.Should().Throw<WebhookSignatureException>().WithMessage("*no Authorization*");
    }

    [Fact]
    public void Bearer_prefixed_authorization_is_rejected()
    {
        var vector = Vector("webhook.participant_joined.json");

        var receive = () => Receiver().Receive("Bearer " + vector.Authorization, Encoding.UTF8.GetBytes(vector.Body));

        receive.Should().Throw<WebhookSignatureException>().WithMessage("*Bearer*");
    }

    [Fact]
    public void Expired_token_is_rejected_once_past_the_leeway()
    {
        var body = Body();
        var token = TestJwt.ForWebhook(body, Now);
        var expiry = Now.AddMinutes(5);

        var withinLeeway = () => Receiver(now: expiry + LiveKitWebhookReceiver.ClockLeeway).Receive(token, body);
        var pastLeeway = () => Receiver(now: expiry + LiveKitWebhookReceiver.ClockLeeway + TimeSpan.FromSeconds(1)).Receive(token, body);

        withinLeeway.Should().NotThrow();
        pastLeeway.Should().Throw<WebhookSignatureException>().WithMessage("*expired*");
    }

    [Fact]
    public void Token_from_the_future_is_rejected_beyond_the_leeway()
    {
        var body = Body();
        var token = TestJwt.ForWebhook(body, Now);

        var slightlyEarly = () => Receiver(now: Now - LiveKitWebhookReceiver.ClockLeeway).Receive(token, body);
        var tooEarly = () => Receiver(now: Now - LiveKitWebhookReceiver.ClockLeeway - TimeSpan.FromSeconds(1)).Receive(token, body);

        slightlyEarly.Should().NotThrow();
        tooEarly.Should().Throw<WebhookSignatureException>().WithMessage("*not valid before*");
    }

    [Fact]
    public void Token_without_exp_is_rejected()
    {
        var body = Body();
        var claims = TestJwt.WebhookClaims(body, Now);
        claims.Remove("exp");

        var receive = () => Receiver().Receive(TestJwt.Sign(claims, LiveKitFixtures.ApiSecret), body);

        receive.Should().Throw<WebhookSignatureException>().WithMessage("*no exp*");
    }

    [Fact]
    public void Token_with_a_non_numeric_exp_is_rejected()
    {
        var body = Body();
        var claims = TestJwt.WebhookClaims(body, Now);
        claims["exp"] = "soon";

        var receive = () => Receiver().Receive(TestJwt.Sign(claims, LiveKitFixtures.ApiSecret), body);

        receive.Should().Throw<WebhookSignatureException>();
    }

    [Fact]
    public void Token_signed_with_another_secret_is_rejected()
    {
        var body = Body();
        var token = TestJwt.ForWebhook(body, Now, secret: "another-secret-0123456789abcdef0123456789abcdef");

        var receive = () => Receiver().Receive(token, body);

        receive.Should().Throw<WebhookSignatureException>().WithMessage("*signature*");
    }

    [Fact]
    public void Token_for_a_foreign_api_key_is_rejected_even_with_our_secret()
    {
        var body = Body();
        var token = TestJwt.ForWebhook(body, Now, apiKey: "APIsomeoneElse");

        var receive = () => Receiver().Receive(token, body);

        receive.Should().Throw<WebhookSignatureException>().WithMessage("*API key*");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS512")]
    public void Token_with_another_algorithm_is_rejected(string algorithm)
    {
        var body = Body();
        var token = TestJwt.Sign(TestJwt.WebhookClaims(body, Now), LiveKitFixtures.ApiSecret, algorithm);

        var receive = () => Receiver().Receive(token, body);

        receive.Should().Throw<WebhookSignatureException>();
    }

    [Fact]
    public void Valid_token_for_another_body_is_rejected()
    {
        var body = Body();
        var otherBody = LiveKitFixtures.Bytes("webhook.room_finished.json");

        var receive = () => Receiver().Receive(TestJwt.ForWebhook(otherBody, Now), body);

        receive.Should().Throw<WebhookSignatureException>().WithMessage("*sha256*");
    }

    [Fact]
    public void Token_without_sha256_claim_is_rejected()
    {
        var body = Body();
        var claims = TestJwt.WebhookClaims(body, Now);
        claims.Remove("sha256");

        var receive = () => Receiver().Receive(TestJwt.Sign(claims, LiveKitFixtures.ApiSecret), body);

        receive.Should().Throw<WebhookSignatureException>().WithMessage("*sha256*");
    }

    [Theory]
    [InlineData("not a jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9..")]
    public void Garbage_authorization_is_rejected(string authorization)
    {
        var receive = () => Receiver().Receive(authorization, Body());

        receive.Should().Throw<WebhookSignatureException>();
    }

    [Fact]
    public void Event_the_service_does_not_act_on_is_verified_but_its_payload_is_not_read()
    {
        var body = Encoding.UTF8.GetBytes(
            """{"event":"track_published","id":"EV_track1","room":{"name":"itqan-x"},"participant":{"sid":"PA_1","identity":"u1"},"track":{"sid":"TR_1"}}""");
        var joined = Encoding.UTF8.GetBytes(
            """{"event":"participant_joined","id":"EV_join1","room":{"name":"itqan-x"},"participant":{"sid":"PA_1","identity":"u1"}}""");

        var ignored = Receiver().Receive(TestJwt.ForWebhook(body, Now), body);
        var applied = Receiver().Receive(TestJwt.ForWebhook(joined, Now), joined);
        var forged = () => Receiver().Receive(TestJwt.ForWebhook(body, Now, secret: "not-our-secret-0123456789abcdef"), body);

        ignored.Should().Be(new LiveKitWebhookEvent("EV_track1", "track_published", null, null, null));
        applied.RoomName.Should().Be("itqan-x");
        applied.Participant!.Identity.Should().Be("u1");
        forged.Should().Throw<WebhookSignatureException>();
    }

    [Fact]
    public void Webhook_signed_with_a_short_dev_secret_verifies()
    {
        // `livekit-server --dev` uses the key "devkey" with the secret "secret".
        var body = Body();
        var token = TestJwt.ForWebhook(body, Now, apiKey: "devkey", secret: "secret");

        var webhook = Receiver("devkey", "secret", Now).Receive(token, body);

        webhook.Event.Should().Be("egress_ended");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":"EV_1"}""")]
    [InlineData("""{"event":"egress_ended"}""")]
    [InlineData("""{"event":"egress_ended","id":"EV_1","egressInfo":{"status":"EGRESS_UNKNOWN"}}""")]
    public void Verified_body_that_is_not_a_webhook_event_is_a_payload_error(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        var receive = () => Receiver().Receive(TestJwt.ForWebhook(body, Now), body);

        receive.Should().Throw<WebhookPayloadException>();
    }

    [Fact]
    public void Randomly_mutated_webhook_bodies_fail_only_with_payload_errors()
    {
        var random = new Random(20261125);
        var receiver = Receiver();
        int accepted = 0, rejected = 0;

        foreach (var fixture in LiveKitFixtures.WebhookFiles)
        {
            var original = LiveKitFixtures.Bytes(fixture);
            for (var i = 0; i < 300; i++)
            {
                var body = Mutate(original, random);
                try
                {
                    receiver.Receive(TestJwt.ForWebhook(body, Now), body);
                    accepted++;
                }
                catch (WebhookPayloadException)
                {
                    rejected++;
                }
            }
        }

        accepted.Should().BePositive();
        rejected.Should().BePositive();
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var body = original.ToArray();
        switch (random.Next(4))
        {
            case 0:
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }

                return body;
            case 1:
                return body[..random.Next(body.Length)];
            case 2:
                var start = random.Next(body.Length);
                return [.. body[..start], .. body[Math.Min(body.Length, start + random.Next(1, 20))..]];
            default:
                return SwapValueType(original, random);
        }
    }

    /// <summary>Replaces one randomly chosen value anywhere in the document with a value of another JSON type.</summary>
    private static byte[] SwapValueType(byte[] original, Random random)
    {
        JsonNode?[] replacements =
        [
            JsonValue.Create(true), null, JsonValue.Create("x"), JsonValue.Create(1.5), JsonValue.Create(-1),
            JsonValue.Create("99999999999999999999"), JsonValue.Create(long.MaxValue), new JsonArray(), new JsonObject(),
            new JsonArray(JsonValue.Create(1)), JsonValue.Create("EGRESS_NOPE"), JsonValue.Create("\ud800"),
        ];
        var root = JsonNode.Parse(original)!;
        var slots = new List<Action<JsonNode?>>();
        CollectSlots(root, slots);
        slots[random.Next(slots.Count)](replacements[random.Next(replacements.Length)]?.DeepClone());
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void CollectSlots(JsonNode? node, List<Action<JsonNode?>> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    slots.Add(replacement => obj[name] = replacement);
                    CollectSlots(value, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    slots.Add(replacement => array[index] = replacement);
                    CollectSlots(array[i], slots);
                }

                break;
        }
    }

    private static byte[] Body() => LiveKitFixtures.Bytes("webhook.egress_ended.complete.json");

    private static SignedWebhook Vector(string name) => LiveKitFixtures.SignedWebhooks().Single(v => v.Name == name);

    private static LiveKitWebhookReceiver Receiver(
        string apiKey = LiveKitFixtures.ApiKey, string apiSecret = LiveKitFixtures.ApiSecret, DateTimeOffset? now = null) =>
        new(Options.Create(new LiveKitOptions { Url = "http://localhost:7880", ApiKey = apiKey, ApiSecret = apiSecret }),
            new TestTimeProvider(now ?? Now));
}
