using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Reliability;

/// <summary>
/// Seeded random input against the real endpoints: whatever arrives, the answer is a decision (200, or a 4xx that
/// names the problem), never a 500 or an unhandled exception. A failure prints the seed, case and input to replay.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FuzzTests(ApiFixture api) : IAsyncLifetime
{
    private const int Seed = 20261126;

    private static readonly string[] WebhookFixtures =
    [
        "webhook.egress_ended.complete.json",
        "webhook.egress_ended.failed.json",
        "webhook.egress_ended.limit_reached.json",
        "webhook.egress_updated.ending.json",
        "webhook.egress_updated.active.json",
        "webhook.egress_started.json",
        "webhook.room_finished.json",
        "webhook.participant_joined.json",
    ];

    private static readonly string[] Words =
    [
        "egress_ended", "egress_updated", "egress_started", "room_finished", "EGRESS_COMPLETE", "EGRESS_FAILED",
        "EGRESS_ABORTED", "EGRESS_LIMIT_REACHED", "EGRESS_ENDING", "EGRESS_ACTIVE", "EG_", "EV_", "/recordings/",
        "/recordings/../../etc/passwd", "../", "%00", "\0", "\u202e", "😀", "\"", "\\", "'; DROP TABLE recordings; --",
        "9223372036854775808", "-1", "1e400", "NaN", "null", "{}", "[]", "\ud800",
    ];

    public Task InitializeAsync() => api.Emulator.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Correctly_signed_random_webhooks_are_answered_200_or_400_never_500()
    {
        var random = new Random(Seed);
        // A real recording, so mutations reach the code that changes recordings, not only the parser.
        var started = await api.StartRecordingAsync();
        var webhooks = api.AnonymousClient();
        var failures = new List<string>();

        for (var i = 0; i < 400; i++)
        {
            var fixture = WebhookFixtures[random.Next(WebhookFixtures.Length)];
            var original = fixture.StartsWith("webhook.egress_ended", StringComparison.Ordinal)
                ? LiveKitWebhooks.EgressEnded(api, started.Recording.EgressId, fixture)
                : LiveKitWebhooks.For(fixture, started.Recording.EgressId, started.Recording.RoomName);
            var body = Mutate(original, random, times: 1 + random.Next(3));
            var response = await PostSignedBytesAsync(webhooks, body);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
            {
                failures.Add($"case {i}: {(int)response.StatusCode} for {Encoding.UTF8.GetString(body)}\n{await response.Content.ReadAsStringAsync()}");
            }
        }

        failures.Should().BeEmpty("seed {0}", Seed);
        (await webhooks.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Random_sign_in_bodies_are_never_a_500()
    {
        var random = new Random(Seed + 1);
        var client = api.AnonymousClient();
        var failures = new List<string>();
        // A user of its own: wrong passwords lock an account for a while.
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var valid = $$"""{"email":"{{email}}","password":"{{TestData.Password}}"}""";

        for (var i = 0; i < 150; i++)
        {
            var body = Mutate(valid, random, times: 1 + random.Next(3));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(5) == 0 ? "text/plain" : "application/json");
            var response = await client.PostAsync("/api/auth/login", content);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"case {i}: {(int)response.StatusCode} for {Encoding.UTF8.GetString(body)}");
            }
        }

        failures.Should().BeEmpty("seed {0}", Seed + 1);
    }

    [Fact]
    public async Task Random_route_values_are_never_a_500()
    {
        var random = new Random(Seed + 2);
        var teacher = await api.SignedInClientAsync(TestData.Teacher);
        var admin = await api.SignedInClientAsync(TestData.Admin);
        string[] routes =
        [
            "GET /api/sessions/{0}", "GET /api/sessions/{0}/recordings", "GET /api/sessions/{0}/recordings/stats",
            "POST /api/sessions/{0}/recordings", "POST /api/sessions/{0}/recordings/stop", "GET /api/recordings/{0}",
            "GET /api/recordings/{0}/stream", "GET /api/recordings/{0}/download", "DELETE /api/recordings/{0}",
            "POST /api/admin/reconcile?academyId={0}",
        ];
        var failures = new List<string>();

        for (var i = 0; i < 150; i++)
        {
            var value = random.Next(4) switch
            {
                0 => Guid.NewGuid().ToString(),
                1 => Guid.Empty.ToString(),
                2 => RandomText(random, random.Next(1, 80)),
                _ => Words[random.Next(Words.Length)],
            };
            var route = routes[random.Next(routes.Length)].Split(' ');
            var uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, route[1], Uri.EscapeDataString(value));
            var client = random.Next(2) == 0 ? teacher : admin;
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route[0]), uri));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"case {i}: {(int)response.StatusCode} for {route[0]} {uri}");
            }
        }

        failures.Should().BeEmpty("seed {0}", Seed + 2);
    }

    private static async Task<HttpResponseMessage> PostSignedBytesAsync(HttpClient client, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/livekit") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/webhook+json");
        request.Headers.TryAddWithoutValidation("Authorization", WebhookSignatures.Sign(body, ApiFixture.ApiKey, ApiFixture.ApiSecret));
        return await client.SendAsync(request);
    }

    /// <summary>Applies <paramref name="times"/> random mutations, structural (a JSON value replaced or removed) or raw.</summary>
    private static byte[] Mutate(string json, Random random, int times)
    {
        var text = json;
        for (var i = 0; i < times; i++)
        {
            text = random.Next(10) switch
            {
                < 5 => ReplaceValue(text, random),
                5 => RemoveProperty(text, random),
                6 => DeleteSpan(text, random),
                7 => text.Insert(random.Next(text.Length + 1), Words[random.Next(Words.Length)]),
                8 => text[..random.Next(text.Length + 1)],
                _ => text.Insert(random.Next(text.Length + 1), RandomText(random, random.Next(1, 10))),
            };
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(20) == 0 && bytes.Length > 0)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100); // not valid UTF-8
        }

        return bytes;
    }

    private static string DeleteSpan(string text, Random random)
    {
        var start = random.Next(text.Length + 1);
        return text.Remove(start, random.Next(Math.Min(20, text.Length - start) + 1));
    }

    private static string ReplaceValue(string json, Random random)
    {
        if (TryParse(json) is not { } root)
        {
            return json;
        }

        var nodes = Descendants(root).ToList();
        if (nodes.Count == 0)
        {
            return json;
        }

        // Mostly a string for a hostile string (ids, names, paths, errors reach the database), else anything.
        var strings = nodes.Where(n => n is JsonValue value && value.TryGetValue<string>(out _)).ToList();
        var target = random.Next(3) > 0 && strings.Count > 0 ? strings[random.Next(strings.Count)] : nodes[random.Next(nodes.Count)];
        var replacement = target is JsonValue && random.Next(3) > 0 ? JsonValue.Create(HostileString(random)) : RandomValue(random, depth: 0);
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }

        try
        {
            return root.ToJsonString();
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be written as JSON text; raw mutations still send one.
            return json;
        }
    }

    private static string RemoveProperty(string json, Random random)
    {
        if (TryParse(json) is not { } root)
        {
            return json;
        }

        var properties = Descendants(root).Where(n => n.Parent is JsonObject).ToList();
        if (properties.Count == 0)
        {
            return json;
        }

        var target = properties[random.Next(properties.Count)];
        ((JsonObject)target.Parent!).Remove(target.GetPropertyName());
        return root.ToJsonString();
    }

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or ArgumentException)
        {
            // Not JSON (any more), or a lone surrogate that no JSON text can hold: only raw mutations apply.
            return null;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 3 ? 9 : 12) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonValue.Create(random.NextDouble() * Math.Pow(10, random.Next(-5, 300))),
        4 => JsonValue.Create(Words[random.Next(Words.Length)]),
        5 => JsonValue.Create(RandomText(random, random.Next(0, 40))),
        6 => JsonValue.Create(new string((char)random.Next(32, 127), random.Next(100, 5000))),
        7 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        8 => JsonValue.Create("99999999999999999999999"),
        9 => new JsonObject { [RandomText(random, 5)] = RandomValue(random, depth + 1) },
        10 => new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1)),
        _ => new JsonObject { ["egressId"] = RandomValue(random, depth + 1), ["status"] = RandomValue(random, depth + 1) },
    };

    private static string HostileString(Random random) => random.Next(6) switch
    {
        0 => Words[random.Next(Words.Length)],
        1 => "EG_" + RandomText(random, random.Next(1, 20)),
        2 => new string('x', random.Next(60, 3000)),
        3 => "EG_abc\0def",
        4 => string.Concat(Enumerable.Repeat("ق", random.Next(1, 600))),
        _ => RandomText(random, random.Next(0, 200)),
    };

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x0600, 0x06FF),
                2 => (char)random.Next(0xD800, 0xE000),
                _ => (char)random.Next(32, 127),
            });
        }

        return builder.ToString();
    }
}
