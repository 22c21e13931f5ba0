using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Infrastructure.LiveKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

public sealed class TwirpEgressClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 30, 25, TimeSpan.Zero);

    private static readonly RoomCompositeEgressRequest FixtureRequest = new(
        RoomName: "itqan-interactive-7f3c2a10",
        Layout: "grid",
        Preset: "H264_720P_30",
        AudioOnly: false,
        FileType: EgressFileType.Mp4,
        Destination: new EgressFileDestination("/recordings/interactive/2026/11/session-7f3c2a10-20261125_143025.mp4"));

    private static string StartResponse => Encoding.UTF8.GetString(LiveKitFixtures.Bytes("start-room-composite-egress.response.json"));

    [Fact]
    public async Task Start_request_has_the_livekit_wire_shape()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, StartResponse);

        await Client(handler).StartRoomCompositeEgressAsync(FixtureRequest, CancellationToken.None);

        var request = handler.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be(HttpMethod.Post);
        request.Uri.Should().Be(new Uri("http://livekit.test:7880/twirp/livekit.Egress/StartRoomCompositeEgress"));
        request.ContentType.Should().Be("application/json");
        JsonNode.DeepEquals(JsonNode.Parse(request.Body), JsonNode.Parse(LiveKitFixtures.Bytes("start-room-composite-egress.request.json")))
            .Should().BeTrue("the body must match the Node SDK's, but was {0}", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task Calls_carry_a_bearer_token_with_the_room_record_grant()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, StartResponse);

        await Client(handler).StopEgressAsync("EG_k3Qm9TfXa2Lp", CancellationToken.None);

        var authorization = handler.Requests.Single().Authorization!;
        authorization.Scheme.Should().Be("Bearer");
        var (header, payload) = TestJwt.Verify(authorization.Parameter!, LiveKitFixtures.ApiSecret);
        header.GetProperty("alg").GetString().Should().Be("HS256");
        payload.GetProperty("iss").GetString().Should().Be(LiveKitFixtures.ApiKey);
        payload.GetProperty("nbf").GetInt64().Should().Be(Now.ToUnixTimeSeconds());
        payload.GetProperty("exp").GetInt64().Should().Be(Now.AddMinutes(10).ToUnixTimeSeconds());
        payload.GetProperty("video").GetProperty("roomRecord").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Start_returns_the_egress_from_the_servers_snake_case_answer()
    {
        var egress = await Client(CapturingHandler.Answering(HttpStatusCode.OK, StartResponse))
            .StartRoomCompositeEgressAsync(FixtureRequest, CancellationToken.None);

        egress.EgressId.Should().Be("EG_k3Qm9TfXa2Lp");
        egress.Status.Should().Be(EgressStatus.Starting);
        egress.RoomName.Should().Be("itqan-interactive-7f3c2a10");
    }

    [Fact]
    public async Task A_start_into_object_storage_carries_the_S3_upload_in_its_file_output()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, StartResponse);
        var upload = new S3Upload("EGRESSKEY", "egress-secret", "us-east-1", "http://127.0.0.1:7480/", "academy-recordings", ForcePathStyle: true);
        var request = FixtureRequest with { Destination = new EgressFileDestination("recordings/interactive/a.mp4", upload) };

        await Client(handler).StartRoomCompositeEgressAsync(request, CancellationToken.None);

        var output = JsonNode.Parse(BodyOf(handler))!["fileOutputs"]![0]!;
        output["filepath"]!.GetValue<string>().Should().Be("recordings/interactive/a.mp4");
        JsonNode.DeepEquals(output["s3"], JsonNode.Parse("""
            {"accessKey":"EGRESSKEY","secret":"egress-secret","region":"us-east-1","endpoint":"http://127.0.0.1:7480/","bucket":"academy-recordings","forcePathStyle":true}
            """)).Should().BeTrue(output.ToJsonString());
    }

    [Fact]
    public void An_S3_upload_never_shows_its_secret_when_written_out()
    {
        var upload = new S3Upload("EGRESSKEY", "egress-secret", "us-east-1", null, "academy-recordings", ForcePathStyle: false);

        upload.ToString().Should().Contain("academy-recordings").And.NotContain("egress-secret");
        new EgressFileDestination("k", upload).ToString().Should().NotContain("egress-secret");
    }

    [Fact]
    public async Task Audio_only_start_sends_audio_only_and_leaves_the_default_file_type_out()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, StartResponse);
        var request = FixtureRequest with { AudioOnly = true, FileType = EgressFileType.DefaultFileType, Layout = "", Destination = new EgressFileDestination("/out/a.ogg") };

        await Client(handler).StartRoomCompositeEgressAsync(request, CancellationToken.None);

        BodyOf(handler).Should().Be("""{"roomName":"itqan-interactive-7f3c2a10","preset":"H264_720P_30","audioOnly":true,"fileOutputs":[{"filepath":"/out/a.ogg"}]}""");
    }

    [Fact]
    public async Task Stop_sends_the_egress_id_to_StopEgress()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, """{"egress_id":"EG_1","status":"EGRESS_ENDING"}""");

        var egress = await Client(handler).StopEgressAsync("EG_1", CancellationToken.None);

        handler.Requests.Single().Uri.AbsolutePath.Should().Be("/twirp/livekit.Egress/StopEgress");
        BodyOf(handler).Should().Be("""{"egressId":"EG_1"}""");
        egress.Status.Should().Be(EgressStatus.Ending);
    }

    [Fact]
    public async Task List_sends_its_filters_and_reads_the_items()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK,
            """{"items":[{"egress_id":"EG_1","status":"EGRESS_ACTIVE"}],"next_page_token":null}""");

        var items = await Client(handler).ListEgressAsync(new EgressListFilter("room-1", ActiveOnly: true), CancellationToken.None);

        handler.Requests.Single().Uri.AbsolutePath.Should().Be("/twirp/livekit.Egress/ListEgress");
        BodyOf(handler).Should().Be("""{"roomName":"room-1","active":true}""");
        items.Should().ContainSingle().Which.EgressId.Should().Be("EG_1");
    }

    [Fact]
    public async Task List_without_filters_sends_an_empty_object()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, """{"items":[]}""");

        var items = await Client(handler).ListEgressAsync(new EgressListFilter(), CancellationToken.None);

        BodyOf(handler).Should().Be("{}");
        items.Should().BeEmpty();
    }

    [Fact]
    public async Task List_follows_the_next_page_token()
    {
        var pages = new Queue<string>([
            """{"items":[{"egressId":"EG_1"}],"nextPageToken":{"token":"p2"}}""",
            """{"items":[{"egressId":"EG_2"}],"nextPageToken":{"token":""}}""",
        ]);
        var handler = new CapturingHandler(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(pages.Dequeue(), Encoding.UTF8, "application/json"),
        });

        var items = await Client(handler).ListEgressAsync(new EgressListFilter(EgressId: "EG_1"), CancellationToken.None);

        items.Select(e => e.EgressId).Should().Equal("EG_1", "EG_2");
        handler.Requests.Select(r => Encoding.UTF8.GetString(r.Body))
            .Should().Equal("""{"egressId":"EG_1"}""", """{"egressId":"EG_1","pageToken":{"token":"p2"}}""");
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "not_found", "requested room does not exist", EgressFailure.Rejected)]
    [InlineData(HttpStatusCode.PreconditionFailed, "failed_precondition", "egress with status EGRESS_COMPLETE cannot be stopped", EgressFailure.Rejected)]
    [InlineData(HttpStatusCode.Unauthorized, "unauthenticated", "permissions denied", EgressFailure.Rejected)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "unavailable", "no response from servers", EgressFailure.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, "internal", "egress not connected (redis required)", EgressFailure.Unavailable)]
    public async Task Twirp_error_becomes_an_egress_exception_with_its_code(HttpStatusCode status, string code, string message, EgressFailure failure)
    {
        var handler = CapturingHandler.Answering(status, JsonSerializer.Serialize(new { code, msg = message }));

        var start = () => Client(handler).StartRoomCompositeEgressAsync(FixtureRequest, CancellationToken.None);

        var error = (await start.Should().ThrowAsync<EgressException>()).Which;
        error.Failure.Should().Be(failure);
        error.TwirpCode.Should().Be(code);
        error.HttpStatus.Should().Be((int)status);
        error.Message.Should().Be(message);
        handler.Requests.Should().ContainSingle("the client never retries");
    }

    [Fact]
    public async Task Plain_text_401_from_the_auth_middleware_keeps_its_text()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.Unauthorized, "invalid API key: APIwrong\n", "text/plain");

        var stop = () => Client(handler).StopEgressAsync("EG_1", CancellationToken.None);

        var error = (await stop.Should().ThrowAsync<EgressException>()).Which;
        error.Failure.Should().Be(EgressFailure.Rejected);
        error.TwirpCode.Should().BeNull();
        error.HttpStatus.Should().Be(401);
        error.Message.Should().Be("invalid API key: APIwrong");
    }

    [Fact]
    public async Task Proxy_503_page_is_unavailable()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.ServiceUnavailable, "<html>503 Service Temporarily Unavailable</html>", "text/html");

        var list = () => Client(handler).ListEgressAsync(new EgressListFilter(), CancellationToken.None);

        var error = (await list.Should().ThrowAsync<EgressException>()).Which;
        error.Failure.Should().Be(EgressFailure.Unavailable);
        error.HttpStatus.Should().Be(503);
        error.Message.Should().Be("<html>503 Service Temporarily Unavailable</html>");
    }

    [Fact]
    public async Task Json_error_body_without_a_twirp_code_keeps_its_raw_text()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.BadGateway, """{"message":"upstream down"}""");

        var list = () => Client(handler).ListEgressAsync(new EgressListFilter(), CancellationToken.None);

        var error = (await list.Should().ThrowAsync<EgressException>()).Which;
        error.Failure.Should().Be(EgressFailure.Unavailable);
        error.TwirpCode.Should().BeNull();
        error.Message.Should().Be("""{"message":"upstream down"}""");
    }

    [Theory]
    [InlineData("<html>ok</html>")]
    [InlineData("""{"egress_id":"EG_1","status":"EGRESS_SOMETHING_NEW"}""")]
    [InlineData("""{"egress_id":"EG_1","file_results":[{"size":true}]}""")]
    [InlineData("[]")]
    public async Task Garbled_success_answer_is_unavailable(string body)
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.OK, body);

        var start = () => Client(handler).StartRoomCompositeEgressAsync(FixtureRequest, CancellationToken.None);

        var error = (await start.Should().ThrowAsync<EgressException>()).Which;
        error.Failure.Should().Be(EgressFailure.Unavailable);
        error.HttpStatus.Should().Be(200);
        error.Message.Should().Contain("not the expected JSON");
    }

    [Fact]
    public async Task No_answer_within_the_request_timeout_is_a_timeout()
    {
        var handler = new HangingHandler();
        var client = Client(handler, TimeSpan.FromMilliseconds(200));

        var start = () => client.StartRoomCompositeEgressAsync(FixtureRequest, CancellationToken.None);

        var error = (await start.Should().ThrowAsync<EgressException>()).Which;
        error.Failure.Should().Be(EgressFailure.Timeout);
        error.HttpStatus.Should().BeNull();
        handler.Calls.Should().Be(1, "a timed-out Start may have started a recording, so it is never retried");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_an_egress_failure()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var client = Client(new HangingHandler(), TimeSpan.FromSeconds(30));

        var start = () => client.StartRoomCompositeEgressAsync(FixtureRequest, cancellation.Token);

        (await start.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeOfType<EgressException>();
    }

    [Fact]
    public async Task Refused_connection_is_unavailable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var httpClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var client = new TwirpEgressClient(httpClient, Tokens(), NullLogger<TwirpEgressClient>.Instance);

        var list = () => client.ListEgressAsync(new EgressListFilter(), CancellationToken.None);

        var error = (await list.Should().ThrowAsync<EgressException>()).Which;
        error.Failure.Should().Be(EgressFailure.Unavailable);
        error.InnerException.Should().BeOfType<HttpRequestException>();
    }

    private static string BodyOf(CapturingHandler handler) => Encoding.UTF8.GetString(handler.Requests.Single().Body);

    private static TwirpEgressClient Client(HttpMessageHandler handler, TimeSpan? timeout = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://livekit.test:7880/"), Timeout = timeout ?? TimeSpan.FromSeconds(10) },
            Tokens(), NullLogger<TwirpEgressClient>.Instance);

    private static LiveKitAccessTokenFactory Tokens() =>
        new(Options.Create(new LiveKitOptions { ApiKey = LiveKitFixtures.ApiKey, ApiSecret = LiveKitFixtures.ApiSecret }),
            new TestTimeProvider(Now));

    private sealed class HangingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new UnreachableException();
        }
    }
}
