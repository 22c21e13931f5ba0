using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class SignInTests(ApiFixture api)
{
    [Fact]
    public async Task Signing_in_returns_a_bearer_token_and_sets_an_http_only_cookie()
    {
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Teacher, password = TestData.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!;
        body["tokenType"].GetString().Should().Be("Bearer");
        body["accessToken"].GetString().Should().NotBeNullOrEmpty();
        body["expiresIn"].GetInt64().Should().BePositive();
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().Contain("httponly").And.Contain("samesite=strict");
    }

    [Fact]
    public async Task The_cookie_alone_signs_the_user_in_and_logout_ends_it()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = api.BaseAddress };
        await browser.PostAsJsonAsync("/api/auth/login", new { email = TestData.Student, password = TestData.Password });

        var me = await browser.GetFromJsonAsync<MeJson>("/api/auth/me");
        (await browser.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        me!.Should().Be(me with { Email = TestData.Student, Role = "student", DisplayName = "Amina Student" });
        (await browser.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_bearer_token_signs_the_user_in()
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var me = await admin.GetFromJsonAsync<MeJson>("/api/auth/me");

        me!.Role.Should().Be("admin");
        me.AcademyId.Should().Be(Infrastructure.Persistence.Seeding.DemoData.AcademyId);
    }

    [Fact]
    public async Task A_wrong_password_is_unauthorized()
    {
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Outsider, password = "wrong" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("auth.invalid_credentials");
    }

    [Fact]
    public async Task An_unknown_email_is_unauthorized_like_a_wrong_password()
    {
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "nobody@demo.itqan", password = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var client = api.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestData.Password });

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await response.Content.ReadFromJsonAsync<ProblemJson>())!.Code.Should().Be("auth.locked_out");
    }

    [Theory]
    [InlineData("{\"email\":\"\",\"password\":\"\"}")]
    [InlineData("{\"email\":\"not-an-email\",\"password\":\"x\"}")]
    [InlineData("{}")]
    [InlineData("not json")]
    public async Task A_malformed_login_is_a_bad_request(string json)
    {
        var response = await api.AnonymousClient().PostAsync("/api/auth/login", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("/api/sessions")]
    [InlineData("/api/auth/me")]
    [InlineData("/api/recordings/00000000-0000-0000-0000-000000000001")]
    public async Task Api_endpoints_need_a_signed_in_user(string path)
    {
        var response = await api.AnonymousClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private sealed record MeJson(Guid Id, string Email, string DisplayName, string Role, Guid AcademyId);
}
