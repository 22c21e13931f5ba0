using System.Text.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Files;

[Collection(ApiCollection.Name)]
public sealed class RecordingFileOpenApiTests(ApiFixture api)
{
    [Theory]
    [InlineData("/api/recordings/{recordingId}/stream", "StreamRecording")]
    [InlineData("/api/recordings/{recordingId}/download", "DownloadRecording")]
    public async Task The_file_endpoints_are_documented_with_media_types_link_parameters_and_problems(string path, string operationId)
    {
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/swagger/v1/swagger.json"));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");
        operation.GetProperty("operationId").GetString().Should().Be(operationId);
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().BeEquivalentTo(["recordingId", "expires", "u", "sig", "part"]);
        var responses = operation.GetProperty("responses");
        responses.EnumerateObject().Select(r => r.Name)
            .Should().BeEquivalentTo(["200", "206", "302", "304", "400", "401", "403", "404", "409", "412", "416"]);
        foreach (var status in new[] { "200", "206" })
        {
            responses.GetProperty(status).GetProperty("content").EnumerateObject().Select(c => c.Name)
                .Should().BeEquivalentTo(["video/mp4", "audio/ogg"]);
        }

        responses.GetProperty("403").GetProperty("content").EnumerateObject().Select(c => c.Name)
            .Should().Contain("application/problem+json");
    }
}
