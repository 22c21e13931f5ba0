using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Users;
using ItqanRecording.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Auth;

/// <summary>
/// Login tells nothing about which emails exist, a client may try only so often, and behind the proxy only the
/// configured proxy's forwarded headers count; each on an instance of its own with the settings it needs.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SignInProtectionTests(ApiFixture api)
{
    [Fact]
    public async Task An_unknown_email_answers_exactly_as_a_wrong_password_after_checking_a_password_hash_all_the_same()
    {
        var hasher = new CountingPasswordHasher();
        await using var instance = api.StartAnotherInstance(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher>(hasher)));
        var client = instance.AnonymousClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = TestData.Teacher, password = "wrong" });
        var afterWrongPassword = hasher.Verifications;
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@demo.itqan", password = "wrong" });

        unknownEmail.StatusCode.Should().Be(wrongPassword.StatusCode).And.Be(HttpStatusCode.Unauthorized);
        (await unknownEmail.Content.ReadFromJsonAsync<ProblemJson>()).Should().Be(await wrongPassword.Content.ReadFromJsonAsync<ProblemJson>());
        afterWrongPassword.Should().Be(1);
        hasher.Verifications.Should().Be(2);
    }

    [Fact]
    public async Task An_unknown_email_is_locked_out_exactly_like_a_known_one()
    {
        var (_, known) = await api.NewAcademyWithAdminAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@demo.itqan";
        var client = api.AnonymousClient();
        for (var i = 0; i < SignInFailures.MaxFailedSignIns; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await client.PostAsJsonAsync("/api/auth/login", new { email = unknown, password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var knownLocked = await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = TestData.Password });
        var unknownLocked = await client.PostAsJsonAsync("/api/auth/login", new { email = unknown, password = TestData.Password });

        var problem = await knownLocked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "auth.locked_out");
        (await unknownLocked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "auth.locked_out")).Should().Be(problem);
    }

    [Fact]
    public async Task Too_many_logins_from_one_client_are_refused_with_429_and_retry_after()
    {
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Auth:LoginRateLimit:PermitLimit", "2"));
        var client = instance.AnonymousClient();
        (await LoginAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LoginAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await LoginAsync(client);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "auth.rate_limited");
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
    }

    [Fact]
    public async Task Forwarded_client_addresses_count_only_from_a_configured_proxy()
    {
        await using var behindProxy = api.StartAnotherInstance(b => b
            .UseSetting("Auth:LoginRateLimit:PermitLimit", "1")
            .UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1"));
        await using var direct = api.StartAnotherInstance(b => b.UseSetting("Auth:LoginRateLimit:PermitLimit", "1"));

        (await LoginAsync(behindProxy.AnonymousClient(), "203.0.113.1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LoginAsync(behindProxy.AnonymousClient(), "203.0.113.2")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LoginAsync(behindProxy.AnonymousClient(), "203.0.113.1")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await LoginAsync(direct.AnonymousClient(), "203.0.113.1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LoginAsync(direct.AnonymousClient(), "203.0.113.2")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task In_production_the_auth_cookie_is_secure_even_over_plain_http_and_swagger_is_off()
    {
        await using var production = api.StartAnotherInstance(b => b.UseEnvironment("Production"));
        await using var withSwagger = api.StartAnotherInstance(b => b.UseEnvironment("Production").UseSetting("Swagger:Enabled", "true"));

        var login = await LoginAsync(production.AnonymousClient());

        login.Headers.GetValues("Set-Cookie").Single().Should().Contain("; secure");
        (await production.AnonymousClient().GetAsync("/swagger/v1/swagger.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await production.AnonymousClient().GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await withSwagger.AnonymousClient().GetAsync("/swagger/v1/swagger.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LoginAsync(api.AnonymousClient())).Headers.GetValues("Set-Cookie").Single().Should().NotContain("secure");
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = TestData.Student, password = TestData.Password }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }

    /// <summary>The real hasher, counting the password checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher
    {
        private readonly AspNetPasswordHasher _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string Hash(string password) => _inner.Hash(password);

        public bool Verify(string passwordHash, string password)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.Verify(passwordHash, password);
        }
    }
}
