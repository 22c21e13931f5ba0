// The reference for "verified webhook for an event we ignore": a bare ASP.NET Core endpoint on the same Kestrel
// settings as the API (its defaults, started the same way: Production, logging at Warning), answering 200 to the
// same POST without reading anything. Whatever the API does beyond this is the cost of the webhook itself. The
// reference for the stream's answer with recordings in object storage is its GET → 302 to a fixed URL as long as a
// presigned one, with nothing looked up, checked or signed.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapPost("/webhooks/livekit", () => Results.Ok());
app.MapPost("/api/recordings/{recordingId:guid}/progress", () => Results.NoContent());
app.MapGet("/health/ready", () => Results.Ok());
var location = "http://127.0.0.1:7480/itqan-recordings-0123456789ab/recordings/bench/stream-200mb.mp4?" + new string('x', 300);
app.MapGet("/redirect", () => Results.Redirect(location));
await app.RunAsync();
