using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Itqan.Recording.Api.Tests.Files;
using Itqan.Recording.Api.Tests.Support;

namespace Itqan.Recording.Api.Tests.Auth;

/// <summary>A change signed in by the cookie must come from this origin; SameSite alone lets a sibling subdomain through.</summary>
[Collection(ApiCollection.Name)]
public sealed class CrossSiteRequestTests(ApiFixture api)
{
    [Theory]
    [InlineData("same-site", "https://evil.demo.itqan")]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData(null, "https://evil.demo.itqan")]
    [InlineData("same-site", null)]
    public async Task A_cookie_authenticated_change_from_another_origin_is_refused(string? fetchSite, string? origin)
    {
        var (cookie, _) = await SignInAsync();

        var response = await api.AnonymousClient().SendAsync(Logout(cookie, bearer: null, fetchSite, origin));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.cross_site_request");
        (await api.AnonymousClient().SendAsync(Me(cookie))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("same-origin", null)]
    [InlineData(null, "self")]
    [InlineData(null, null)]
    public async Task A_cookie_authenticated_change_from_this_origin_goes_through(string? fetchSite, string? origin)
    {
        var (cookie, _) = await SignInAsync();

        var response = await api.AnonymousClient().SendAsync(Logout(cookie, bearer: null, fetchSite, origin == "self" ? api.BaseAddress.ToString().TrimEnd('/') : origin));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_bearer_token_change_is_not_checked_for_its_origin()
    {
        var (_, token) = await SignInAsync();

        var response = await api.AnonymousClient().SendAsync(Logout(cookie: null, token, "cross-site", "https://evil.example"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private async Task<(string Cookie, string Token)> SignInAsync()
    {
        var (_, email) = await api.NewAcademyWithAdminAsync();
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email, password = TestData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenJson>())!.AccessToken;
        return (response.Headers.GetValues("Set-Cookie").Single().Split(';')[0], token);
    }

    private static HttpRequestMessage Logout(string? cookie, string? bearer, string? fetchSite, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static HttpRequestMessage Me(string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private sealed record TokenJson(string AccessToken);
}
