using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>One credential a client may hold and replay: the auth cookie (as a browser sends it) or a bearer token.</summary>
public sealed record Credential(string? Cookie = null, string? Bearer = null)
{
    /// <summary>A request carrying only this credential.</summary>
    public HttpRequestMessage On(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        if (Bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);
        }

        return request;
    }
}

/// <summary>The cookie and the bearer token one login gives.</summary>
public sealed record LoginCredentials(Credential Cookie, Credential Bearer)
{
    public static async Task<LoginCredentials> SignInAsync(HttpClient client, string email, string password = TestData.Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenJson>())!.AccessToken;
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return new LoginCredentials(new Credential(Cookie: cookie), new Credential(Bearer: token));
    }

    private sealed record TokenJson(string AccessToken);
}
