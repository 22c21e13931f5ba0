using System.Net.Http.Headers;
using System.Net.Http.Json;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>
/// The whole stack for API tests: the API on a real Kestrel port, its own fresh PostgreSQL database (migrated,
/// demo data loaded), and the LiveKit emulator as a separate process that posts signed webhooks back to the API.
/// </summary>
public class ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "APItestKey01";
    public const string ApiSecret = "test-secret-0123456789abcdef0123456789abcdef";
    public const string EgressPrefix = "/recordings";

    private readonly int _port = FreeTcpPort.Next();
    private string _connectionString = string.Empty;

    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("itqan-recordings-").FullName;

    public LiveKitEmulatorProcess Emulator { get; private set; } = null!;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");

    public virtual async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.Shared.CreateDatabaseAsync("api");
        await PrepareDatabaseAsync(_connectionString);
        Emulator = await LiveKitEmulatorProcess.StartAsync(
            ApiKey, ApiSecret, $"{BaseAddress}webhooks/livekit", EgressPrefix, StorageRoot);
        UseKestrel(_port);
        StartServer();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Delete(StorageRoot, recursive: true);
    }

    /// <summary>Writes the heartbeats this instance gathered now, as its flusher does every second.</summary>
    public Task<int> FlushWatchProgressAsync() => Services.GetRequiredService<WatchProgressFlusher>().FlushAsync(CancellationToken.None);

    /// <summary>Runs the due media jobs now, as the instance's media processing would on its next look.</summary>
    /// <returns>How many attempts ran.</returns>
    public Task<int> RunMediaJobsAsync() => Services.GetRequiredService<MediaProcessingJob>().RunUntilIdleAsync(CancellationToken.None);

    /// <summary>A client for the real HTTP port, signed in as the given user through the bearer token.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = TestData.Password)
    {
        var client = AnonymousClient();
        await SignInAsync(client, email, password);
        return client;
    }

    /// <summary>
    /// Another API instance on this fixture's database and LiveKit emulator, on its own port, as a second replica
    /// behind a load balancer would be. <paramref name="configure"/> may change its settings or services. LiveKit's
    /// webhooks still go to this fixture's instance. Dispose it when done.
    /// </summary>
    public ApiInstance StartAnotherInstance(Action<IWebHostBuilder>? configure = null)
    {
        var instance = new ApiInstance(builder =>
        {
            ConfigureWebHost(builder);
            configure?.Invoke(builder);
        });
        instance.Start();
        return instance;
    }

    internal static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    public HttpClient AnonymousClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Runs <paramref name="work"/> with a fresh DbContext of the API's database.</summary>
    public async Task<T> WithDbAsync<T>(Func<RecordingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RecordingDbContext>());
    }

    public Task WithDbAsync(Func<RecordingDbContext, Task> work) =>
        WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Runs on the fresh database before the API starts; nothing by default, as the API migrates it.</summary>
    protected virtual Task PrepareDatabaseAsync(string connectionString) => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development (make run): every registered service must be buildable, and no scoped one may be taken from
        // the root, or the API does not start. The email handler's missing sender without SMTP stopped make run once.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
        builder.UseSetting("ConnectionStrings:Recording", _connectionString);
        builder.UseSetting("LiveKit:Url", Emulator.Url.ToString());
        builder.UseSetting("LiveKit:ApiKey", ApiKey);
        builder.UseSetting("LiveKit:ApiSecret", ApiSecret);
        builder.UseSetting("Storage:RootPath", StorageRoot);
        builder.UseSetting("Storage:EgressPathPrefix", EgressPrefix);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "true");
        // Tests run media jobs when they want them (MediaProcessingJob.RunUntilIdleAsync), not every few seconds.
        builder.UseSetting("MediaProcessing:PollInterval", "1.00:00:00");
        // Every test signs in from 127.0.0.1; the login rate limit has tests of its own.
        builder.UseSetting("Auth:LoginRateLimit:PermitLimit", "1000000");
    }

    private sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn);
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
