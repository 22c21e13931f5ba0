using System.Text.Json.Nodes;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ItqanRecording.Api.Http;

/// <summary>
/// Describes <see cref="SessionKind"/> as what <see cref="SessionKindJsonConverter"/> writes: a string, one of the
/// registered kinds' names, in registration order. Swashbuckle would describe the struct as an object otherwise. Runs
/// after the XML-comments filter, so the schema is exactly what the enum it replaced gave (no description).
/// </summary>
public sealed class SessionKindSchemaFilter(IEnumerable<ISessionKindRegistration> kinds) : ISchemaFilter
{
    private readonly IReadOnlyList<string> _names = [.. kinds.Select(k => k.Kind.Name)];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Type != typeof(SessionKind) || schema is not OpenApiSchema described)
        {
            return;
        }

        described.Type = JsonSchemaType.String;
        described.Properties = null;
        described.Required = null;
        described.AdditionalPropertiesAllowed = true;
        described.Description = null;
        described.Enum = [.. _names.Select(name => (JsonNode)JsonValue.Create(name))];
    }
}
