using System.Net;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Auth.CheckSession;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Auth;

/// <summary>
/// A session (cookie or bearer token) lasts only while its user stays as they were when it began: signing out, a role
/// or academy change or a removal ends it, on this instance at once and on another instance (whose clock the tests
/// move) once its memory of the user is older than <see cref="SignedInUserMemory.Lifetime"/>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SessionTests(ApiFixture api) : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private ApiInstance _other = null!;

    public Task InitializeAsync()
    {
        _other = api.StartAnotherInstance(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _other.DisposeAsync();

    [Fact]
    public async Task Signing_out_ends_the_cookie_and_the_bearer_token_issued_with_it_at_once()
    {
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var session = await SignInAsync(api.AnonymousClient(), email);
        var client = api.AnonymousClient();
        (await MeAsync(client, session.Cookie)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await MeAsync(client, session.Bearer)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.SendAsync(session.Cookie.On(HttpMethod.Post, "/api/auth/logout"))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await MeAsync(client, session.Cookie)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await MeAsync(client, session.Bearer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_on_one_instance_ends_the_session_on_another_within_the_memory_lifetime()
    {
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var session = await SignInAsync(_other.AnonymousClient(), email);
        var onOther = _other.AnonymousClient();
        (await MeAsync(onOther, session.Bearer)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await api.AnonymousClient().SendAsync(session.Bearer.On(HttpMethod.Post, "/api/auth/logout"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        _clock.Advance(SignedInUserMemory.Lifetime + TimeSpan.FromSeconds(1));

        (await MeAsync(onOther, session.Bearer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await MeAsync(onOther, session.Cookie)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await MeAsync(api.AnonymousClient(), session.Bearer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("UPDATE users SET role = 'student' WHERE email = {0}")]
    [InlineData("UPDATE users SET academy_id = (SELECT id FROM academies WHERE id <> users.academy_id LIMIT 1) WHERE email = {0}")]
    [InlineData("DELETE FROM users WHERE email = {0}")]
    public async Task A_role_change_an_academy_change_or_a_removal_ends_the_session_on_every_instance_within_a_minute(string change)
    {
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var session = await SignInAsync(_other.AnonymousClient(), email);
        var onOther = _other.AnonymousClient();
        (await MeAsync(onOther, session.Bearer)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await MeAsync(onOther, session.Cookie)).StatusCode.Should().Be(HttpStatusCode.OK);

        await api.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(change, email));
        _clock.Advance(SignedInUserMemory.Lifetime + TimeSpan.FromSeconds(1));

        // The session list, which asks nothing more of the user than the session's own claims.
        (await onOther.SendAsync(session.Bearer.On(HttpMethod.Get, "/api/sessions"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await onOther.SendAsync(session.Cookie.On(HttpMethod.Get, "/api/sessions"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_bearer_token_past_its_hour_is_refused()
    {
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var session = await SignInAsync(_other.AnonymousClient(), email);
        var onOther = _other.AnonymousClient();
        (await MeAsync(onOther, session.Bearer)).StatusCode.Should().Be(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));

        (await MeAsync(onOther, session.Bearer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_request_with_a_bearer_token_decrypts_it_once()
    {
        var counting = new CountingTicketFormat();
        await using var instance = api.StartAnotherInstance(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme, options =>
            {
                counting.Inner = options.BearerTokenProtector;
                options.BearerTokenProtector = counting;
            })));
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var session = await SignInAsync(instance.AnonymousClient(), email);
        var before = counting.Unprotects;

        (await MeAsync(instance.AnonymousClient(), session.Bearer)).StatusCode.Should().Be(HttpStatusCode.OK);

        (counting.Unprotects - before).Should().Be(1, "the session check reads the token for the handler as well");
    }

    private static Task<LoginCredentials> SignInAsync(HttpClient client, string email) => LoginCredentials.SignInAsync(client, email);

    private sealed class CountingTicketFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private int _unprotects;

        public ISecureDataFormat<AuthenticationTicket> Inner { get; set; } = null!;

        public int Unprotects => Volatile.Read(ref _unprotects);

        public string Protect(AuthenticationTicket data) => Inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => Inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText)
        {
            Interlocked.Increment(ref _unprotects);
            return Inner.Unprotect(protectedText);
        }

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Interlocked.Increment(ref _unprotects);
            return Inner.Unprotect(protectedText, purpose);
        }
    }

    private static Task<HttpResponseMessage> MeAsync(HttpClient client, Credential credential) =>
        client.SendAsync(credential.On(HttpMethod.Get, "/api/auth/me"));
}
