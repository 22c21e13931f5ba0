using System.Net;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Auth;

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
        var login = await SignInAsync();

        var response = await api.AnonymousClient().SendAsync(Logout(login.Cookie, fetchSite, origin));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.cross_site_request");
        (await api.AnonymousClient().SendAsync(login.Cookie.On(HttpMethod.Get, "/api/auth/me"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("same-origin", null)]
    [InlineData(null, "self")]
    [InlineData(null, null)]
    public async Task A_cookie_authenticated_change_from_this_origin_goes_through(string? fetchSite, string? origin)
    {
        var login = await SignInAsync();

        var response = await api.AnonymousClient().SendAsync(Logout(login.Cookie, fetchSite, origin == "self" ? api.BaseAddress.ToString().TrimEnd('/') : origin));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_bearer_token_change_is_not_checked_for_its_origin()
    {
        var login = await SignInAsync();

        var response = await api.AnonymousClient().SendAsync(Logout(login.Bearer, "cross-site", "https://evil.example"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private async Task<LoginCredentials> SignInAsync()
    {
        var (_, email) = await api.NewAcademyWithAdminAsync();
        return await LoginCredentials.SignInAsync(api.AnonymousClient(), email);
    }

    private static HttpRequestMessage Logout(Credential credential, string? fetchSite, string? origin)
    {
        var request = credential.On(HttpMethod.Post, "/api/auth/logout");
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
}
