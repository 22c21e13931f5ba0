using System.Net;
using System.Text;
using System.Text.Json;
using ItqanRecording.Api.Tests.Catalogue;
using ItqanRecording.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Platform;

/// <summary>
/// Text PostgreSQL cannot store (a NUL character, half of a surrogate pair) is refused at the door with a 400 that
/// names the parameter, wherever it comes in, and it leaves nothing broken behind for the next requests.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TextInputTests(ApiFixture api)
{
    [Theory]
    [InlineData("/api/recordings?q=a%00b", "q")]
    [InlineData("/api/recordings/stats?q=%00", "q")]
    [InlineData("/api/recordings?q=x&cursor=%00", "cursor")]
    public async Task A_NUL_in_a_query_parameter_is_a_400_naming_it(string url, string parameter)
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.GetAsync(url);

        await ShouldBeAValidationProblemNamingAsync(response, parameter);
    }

    [Theory]
    [InlineData("""{"email":"admin@demo.itqan\u0000","password":"x"}""", "email")]
    [InlineData("""{"email":"admin@demo.itqan","password":"Demo#2026\u0000"}""", "password")]
    public async Task Text_PostgreSQL_cannot_store_in_a_body_is_a_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await api.AnonymousClient().PostAsync("/api/auth/login", content);

        await ShouldBeAValidationProblemNamingAsync(response, field);
    }

    [Theory]
    [InlineData("""{"email":"admin\ud800@demo.itqan","password":"x"}""")]
    [InlineData("""{"email":"admin@demo.itqan","password":"\udc00"}""")]
    public async Task Half_a_surrogate_pair_in_a_body_is_a_400_with_a_code(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await api.AnonymousClient().PostAsync("/api/auth/login", content);

        // System.Text.Json refuses to read such a string at all, so the body as a whole is the bad part.
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonSerializer.Deserialize<ProblemJson>(await response.Content.ReadAsStringAsync(), Json)!.Code.Should().Be("request.bad_request");
    }

    [Fact]
    public async Task A_search_for_half_a_surrogate_pair_is_a_400_not_a_500()
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/recordings?q=%ED%A0%80");

        var response = await admin.SendAsync(request);

        // Kestrel turns bytes that are not UTF-8 into U+FFFD, which PostgreSQL stores: an ordinary search.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refused_text_leaves_the_connection_pool_healthy_for_the_next_fifty_requests()
    {
        // An instance whose pool holds one connection: every request below runs on the same physical connection.
        var connectionString = api.Services.GetRequiredService<IConfiguration>().GetConnectionString("Recording");
        await using var instance = api.StartAnotherInstance(builder =>
            builder.UseSetting("ConnectionStrings:Recording", $"{connectionString};Maximum Pool Size=1"));
        var admin = await instance.SignedInClientAsync(TestData.Admin);
        var (_, otherAdminEmail) = await api.NewAcademyWithAdminAsync();
        var otherAdmin = await instance.SignedInClientAsync(otherAdminEmail);
        for (var i = 0; i < 3; i++)
        {
            (await admin.GetAsync("/api/recordings?q=warm")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await admin.GetAsync("/api/recordings?q=%00")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/recordings/stats?q=%00")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var surrogate = new StringContent("""{"email":"\ud800","password":"x"}""", Encoding.UTF8, "application/json");
        (await instance.AnonymousClient().PostAsync("/api/auth/login", surrogate)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var answers = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var response = await (i % 2 == 0 ? admin : otherAdmin).GetAsync($"/api/recordings?q=session{i}");
            answers.Add(response.IsSuccessStatusCode ? "200" : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        answers.Should().AllBe("200");
    }

    private static async Task ShouldBeAValidationProblemNamingAsync(HttpResponseMessage response, string parameter)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonSerializer.Deserialize<ValidationProblemJson>(body, Json)!.Errors.Should().ContainKey(parameter, body);
        JsonSerializer.Deserialize<ProblemJson>(body, Json)!.Code.Should().Be("request.validation_failed");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
