using System.Net;
using System.Text.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Platform;

[Collection(ApiCollection.Name)]
public sealed class PlatformTests(ApiFixture api)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        var response = await api.AnonymousClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Swagger_documents_every_endpoint_with_schemas_and_the_bearer_scheme()
    {
        var json = await api.AnonymousClient().GetStringAsync("/swagger/v1/swagger.json");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.GetProperty("operationId").GetString()))
            .ToList();
        operations.Should().Contain(
        [
            "SignIn", "GetCurrentUser", "ListMySessions", "GetSession", "StartRecording", "StopRecording",
            "GetSessionRecordings", "GetSessionRecordingStatistics", "GetRecording", "ReceiveLiveKitWebhook",
        ]);
        root.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name)
            .Should().Contain(["RecordingResponse", "SessionDetailResponse", "ProblemDetails", "LoginRequest"]);
        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString()
            .Should().Be("bearer");
        (await api.AnonymousClient().GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
