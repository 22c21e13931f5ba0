using System.Text.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Sessions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Api.Tests.Platform;

/// <summary>Enums travel as snake-case names, and the OpenAPI document says which names there are.</summary>
[Collection(ApiCollection.Name)]
public sealed class WireEnumTests(ApiFixture api)
{
    [Theory]
    [InlineData("RecordingResponse", "status", new[] { "recording", "processing", "completed", "failed", "deleted" })]
    [InlineData("RecordingResponse", "sessionKind", new[] { "interactive", "quran", "academic" })]
    [InlineData("SessionDetailResponse", "cannotRecordReason",
        new[] { "recording_disabled", "no_meeting_room", "session_not_ready", "already_recording" })]
    [InlineData("RecordingAuditEntryResponse", "action",
        new[] { "started", "stopped", "completed", "failed", "streamed", "downloaded", "deleted", "part_started", "renamed", "published", "hidden", "restored", "files_removed" })]
    [InlineData("RecordingResponse", "publication", new[] { "published", "awaiting_review", "hidden" })]
    [InlineData("AnalyticsDashboard", "bucket", new[] { "week", "month" })]
    [InlineData("CurrentUserResponse", "role", new[] { "admin", "teacher", "student" })]
    public async Task The_OpenAPI_document_describes_enum_properties_by_their_wire_names(
        string schema, string property, string[] values)
    {
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/swagger/v1/swagger.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var described = Resolve(schemas, schemas.GetProperty(schema).GetProperty("properties").GetProperty(property));

        described.GetProperty("type").GetString().Should().Be("string");
        described.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).Should().Equal(values);
    }

    [Theory]
    [InlineData("SessionDetailResponse", "cannotRecordReason", "RecordingBlocker")]
    [InlineData("SessionSummaryResponse", "latestRecordingStatus", "RecordingStatus")]
    public async Task The_OpenAPI_document_marks_a_nullable_enum_property_as_nullable(string schema, string property, string enumSchema)
    {
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/swagger/v1/swagger.json"));

        var described = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema)
            .GetProperty("properties").GetProperty(property);

        described.GetProperty("nullable").GetBoolean().Should().BeTrue();
        described.GetProperty("allOf")[0].GetProperty("$ref").GetString().Should().Be($"#/components/schemas/{enumSchema}");
    }

    [Fact]
    public void Every_reason_a_session_cannot_be_recorded_keeps_its_wire_name()
    {
        var options = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Enum.GetValues<RecordingBlocker>().Select(reason => JsonSerializer.Serialize(reason, options)).Should().Equal(
            "\"recording_disabled\"", "\"no_meeting_room\"", "\"session_not_ready\"", "\"already_recording\"");
    }

    /// <summary>The schema itself, through a <c>$ref</c> or an <c>allOf</c> wrapping one.</summary>
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            return Resolve(schemas, allOf[0]);
        }

        return schema.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }
}
