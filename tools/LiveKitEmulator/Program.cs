using ItqanRecording.LiveKitEmulator;
using ItqanRecording.LiveKitEmulator.Control;
using ItqanRecording.LiveKitEmulator.Twirp;

// appsettings.json is read from beside the assembly, whatever directory a test starts the process in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// LiveKit's default port, unless --urls / ASPNETCORE_URLS say otherwise.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://localhost:7880");
}

builder.Services.AddLiveKitEmulator(builder.Configuration);

var app = builder.Build();
app.MapTwirp();
app.MapEmulatorControl();
app.Run();
