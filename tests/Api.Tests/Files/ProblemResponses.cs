using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Files;

public static class ProblemResponses
{
    /// <summary>Asserts an RFC 9457 problem with this status and code, and returns it.</summary>
    public static async Task<ProblemJson> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>())!;
        problem.Code.Should().Be(code);
        return problem;
    }
}
