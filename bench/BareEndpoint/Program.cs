// The reference for "verified webhook for an event we ignore": a bare ASP.NET Core endpoint on the same Kestrel
// settings as the API (its defaults, started the same way: Production, logging at Warning), answering 200 to the
// same POST without reading anything. Whatever the API does beyond this is the cost of the webhook itself.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapPost("/webhooks/livekit", () => Results.Ok());
app.MapGet("/health/ready", () => Results.Ok());
await app.RunAsync();
