using System.Net;
using System.Text.Json;
using Itqan.Recording.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Itqan.Recording.Api.Tests.Platform;

/// <summary>
/// The API serves the built web app from its web root (web/dist in `make run` and the end-to-end tests): the
/// SPA's own routes get index.html, the API's prefixes never do.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebAppHostingTests : IDisposable
{
    private const string IndexHtml = "<!doctype html><title>Itqan test shell</title><div id=\"root\"></div>";
    private const string AssetPath = "/assets/index-Ab12Cd34.js";

    private readonly string _webRoot = Directory.CreateTempSubdirectory("itqan-webroot-").FullName;
    private readonly WebApplicationFactory<Program> _app;

    public WebAppHostingTests(ApiFixture api)
    {
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), IndexHtml);
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        File.WriteAllText(Path.Combine(_webRoot, AssetPath.TrimStart('/')), "console.log('app');");
        _app = api.WithWebHostBuilder(builder => builder.UseWebRoot(_webRoot));
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_webRoot, recursive: true);
    }

    [Fact]
    public async Task Routes_of_the_web_app_get_its_index_html_which_is_always_revalidated()
    {
        var client = _app.CreateClient();
        foreach (var path in new[] { "/", "/sessions/7d02fb64-66b8-f084-3ac1-264fa2a5cadd", "/recordings/123", "/admin/recordings?kind=quran", "/sign-in" })
        {
            var response = await client.GetAsync(path);

            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html", path);
            (await response.Content.ReadAsStringAsync()).Should().Be(IndexHtml, path);
            response.Headers.CacheControl!.NoCache.Should().BeTrue(path);
        }
    }

    [Fact]
    public async Task Unknown_paths_under_the_API_prefixes_are_404_problems_not_the_web_app()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        foreach (var path in new[]
                 {
                     "/api", "/api/nope", "/api/sessions/not-a-guid", "/api/recordings/123/nothing", "/webhooks/other",
                     "/health", "/health/unknown", "/swagger/unknown",
                 })
        {
            var response = await client.GetAsync(path);

            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", path);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("status").GetInt32().Should().Be(404, path);
            problem.RootElement.GetProperty("code").GetString().Should().Be("http.not_found", path);
        }
    }

    [Fact]
    public async Task Built_assets_are_cached_for_good_and_a_missing_one_is_not_answered_with_the_index()
    {
        var client = _app.CreateClient();

        var asset = await client.GetAsync(AssetPath);
        asset.StatusCode.Should().Be(HttpStatusCode.OK);
        asset.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        (await asset.Content.ReadAsStringAsync()).Should().Be("console.log('app');");

        var missing = await client.GetAsync("/assets/index-gone.js");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).Should().NotContain("Itqan test shell");

        // The API's own documents are still the API's.
        (await client.GetAsync("/swagger/v1/swagger.json")).Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await client.GetStringAsync("/health/live")).Should().Be("Healthy");
    }
}
