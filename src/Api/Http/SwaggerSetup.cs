using ItqanRecording.Application.Recordings;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ItqanRecording.Api.Http;

public static class SwaggerSetup
{
    public static IServiceCollection AddRecordingSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Itqan Recording API",
                Version = "v1",
                Description = "Records live classes held in LiveKit rooms and gives each recording to the people who may see it.",
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/login.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
            // Written as the stored JSON object itself (StoredJsonConverter), so described as one, not as its wrapper.
            options.MapType<StoredJson>(() => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema() });
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<NullableEnumSchemaFilter>();
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "ItqanRecording.Api.xml"));
            options.SchemaFilter<SessionKindSchemaFilter>();
        });

        // The document describes what the endpoints write: the minimal APIs' serializer options (enums as their
        // snake-case names, Program.cs), not MVC's, which Swashbuckle would read otherwise.
        services.Replace(ServiceDescriptor.Transient<ISerializerDataContractResolver>(provider =>
            new JsonSerializerDataContractResolver(provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions)));
        return services;
    }

    /// <summary>
    /// Swagger UI and the OpenAPI document, except in Production unless <c>Swagger:Enabled</c> is true (the SPA's type
    /// generation and its drift check read the document in Development and in tests).
    /// </summary>
    public static WebApplication UseRecordingSwagger(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsProduction() || app.Configuration.GetValue<bool>("Swagger:Enabled"))
        {
            app.UseSwagger();
            app.UseSwaggerUI(options => options.DocumentTitle = "Itqan Recording API");
        }

        return app;
    }
}
