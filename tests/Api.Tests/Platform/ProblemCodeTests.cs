using System.Net;
using System.Text;
using System.Text.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Platform;

/// <summary>Every problem response carries a stable <c>code</c>, whichever part of the pipeline answered.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemCodeTests(ApiFixture api)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_request_without_a_sign_in_gets_a_401_problem_with_a_code()
    {
        var response = await api.AnonymousClient().GetAsync("/api/sessions");

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "auth.sign_in_required");
    }

    [Fact]
    public async Task A_student_refused_by_an_authorization_policy_gets_a_403_problem_with_a_code()
    {
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync("/api/recordings");

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task An_unknown_api_path_gets_a_404_problem_with_a_code()
    {
        var response = await api.AnonymousClient().GetAsync("/api/no-such-thing");

        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "http.not_found");
    }

    [Fact]
    public async Task A_known_path_with_the_wrong_method_gets_a_405_naming_the_allowed_ones()
    {
        var response = await api.AnonymousClient().GetAsync("/api/auth/login");

        await ShouldBeProblemAsync(response, HttpStatusCode.MethodNotAllowed, "http.method_not_allowed");
        response.Content.Headers.Allow.Should().Contain("POST");
    }

    [Fact]
    public async Task A_body_of_the_wrong_content_type_gets_a_415()
    {
        using var content = new StringContent("""{"email":"admin@demo.itqan","password":"x"}""", Encoding.UTF8, "text/plain");

        var response = await api.AnonymousClient().PostAsync("/api/auth/login", content);

        await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "http.unsupported_media_type");
    }

    [Fact]
    public async Task A_validation_failure_gets_a_400_with_the_validation_code()
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.GetAsync("/api/recordings?limit=0");

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task A_value_that_is_not_of_its_type_gets_a_400_with_a_code()
    {
        var admin = await api.SignedInClientAsync(TestData.Admin);

        var response = await admin.GetAsync("/api/recordings?limit=many");

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "request.bad_request");
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", body);
        JsonSerializer.Deserialize<ProblemJson>(body, Json)!.Code.Should().Be(code, body);
    }
}
