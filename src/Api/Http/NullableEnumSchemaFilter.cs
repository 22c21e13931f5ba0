using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ItqanRecording.Api.Http;

/// <summary>
/// A property of a nullable enum type (<c>cannotRecordReason</c>, <c>latestRecordingStatus</c>) refers to the enum's
/// schema, and OpenAPI 3.0 lets a bare <c>$ref</c> say nothing else: Swashbuckle's document would call it required
/// and never null. This wraps such a reference in <c>allOf</c> and marks it nullable, so the document (and the SPA's
/// generated types) say "one of these names, or null", as the API writes it.
/// </summary>
public sealed class NullableEnumSchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    private readonly JsonNamingPolicy? _propertyNaming = json.Value.SerializerOptions.PropertyNamingPolicy;

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }

        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Nullable.GetUnderlyingType(property.PropertyType) is not { IsEnum: true }
                || !properties.TryGetValue(Name(property), out var described)
                || described is not OpenApiSchemaReference reference)
            {
                continue;
            }

            properties[Name(property)] = new OpenApiSchema
            {
                AllOf = [reference],
                Type = JsonSchemaType.Null,
            };
        }
    }

    private string Name(PropertyInfo property) => _propertyNaming?.ConvertName(property.Name) ?? property.Name;
}
