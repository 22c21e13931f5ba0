using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>One more API process for multi-instance tests; made by <see cref="ApiFixture.StartAnotherInstance"/>.</summary>
public sealed class ApiInstance(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
{
    private readonly int _port = FreeTcpPort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");

    public HttpClient AnonymousClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpClient> SignedInClientAsync(string email, string password = TestData.Password)
    {
        var client = AnonymousClient();
        await ApiFixture.SignInAsync(client, email, password);
        return client;
    }

    internal void Start()
    {
        UseKestrel(_port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
}
