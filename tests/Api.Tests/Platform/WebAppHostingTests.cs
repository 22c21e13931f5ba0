using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ItqanRecording.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ItqanRecording.Api.Tests.Platform;

/// <summary>
/// The API serves the built web app from its web root (web/dist in `make run` and the end-to-end tests): the
/// SPA's own routes get index.html, the API's prefixes never do; the build's brotli and gzip copies are sent to
/// clients that accept them, and source maps are not served in Production.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebAppHostingTests : IDisposable
{
    private const string IndexHtml = "<!doctype html><title>Itqan test shell</title><div id=\"root\"></div>";
    private const string AssetPath = "/assets/index-Ab12Cd34.js";
    private const string CompressedAssetPath = "/assets/vendor-Ef56Gh78.js";
    private const string SourceMapPath = "/assets/vendor-Ef56Gh78.js.map";

    // Large enough to be worth compressing, as the build's chunks are.
    private static readonly string Script = string.Concat(Enumerable.Range(0, 200).Select(i => $"export const value{i} = 'value {i}';\n"));

    private readonly string _webRoot = Directory.CreateTempSubdirectory("itqan-webroot-").FullName;
    private readonly ApiFixture _api;
    private readonly WebApplicationFactory<Program> _app;

    public WebAppHostingTests(ApiFixture api)
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        File.WriteAllText(Path.Combine(_webRoot, AssetPath.TrimStart('/')), "console.log('app');");
        // What web/vite.config.ts's precompress plugin writes beside each text file.
        WriteWithCompressedCopies(CompressedAssetPath, Script);
        WriteWithCompressedCopies("/index.html", IndexHtml);
        File.WriteAllText(Path.Combine(_webRoot, SourceMapPath.TrimStart('/')), "{\"version\":3,\"sources\":[\"secret.ts\"]}");
        _api = api;
        _app = api.WithWebHostBuilder(builder => builder.UseWebRoot(_webRoot));
    }

    private void WriteWithCompressedCopies(string path, string content)
    {
        var file = Path.Combine(_webRoot, path.TrimStart('/'));
        var bytes = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(file, bytes);
        using (var brotli = new BrotliStream(File.Create(file + ".br"), CompressionLevel.SmallestSize))
        {
            brotli.Write(bytes);
        }

        using var gzip = new GZipStream(File.Create(file + ".gz"), CompressionLevel.SmallestSize);
        gzip.Write(bytes);
    }

    private static async Task<string> DecodedBodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            null => body,
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            var other => throw new InvalidOperationException($"unexpected Content-Encoding {other}"),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static HttpRequestMessage Get(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return request;
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

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("gzip;q=0.8, br;q=0.9", "br")]
    [InlineData("*", "br")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("identity", null)]
    [InlineData("br;q=0.5, identity", null)]
    [InlineData("deflate", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public async Task A_built_asset_is_sent_in_the_best_encoding_the_client_accepts(string? acceptEncoding, string? expected)
    {
        var client = _app.CreateClient();

        var response = await client.SendAsync(Get(CompressedAssetPath, acceptEncoding));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal(expected is null ? [] : [expected]);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.Vary.Should().Equal("Accept-Encoding");
        response.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        response.Headers.ETag.Should().NotBeNull();
        (await DecodedBodyAsync(response)).Should().Be(Script);
    }

    [Fact]
    public async Task Each_encoding_has_its_own_ETag_and_a_revalidation_answers_304()
    {
        var client = _app.CreateClient();

        var brotli = await client.SendAsync(Get(CompressedAssetPath, "br"));
        var identity = await client.SendAsync(Get(CompressedAssetPath, null));
        brotli.Headers.ETag.Should().NotBe(identity.Headers.ETag);

        var revalidation = Get(CompressedAssetPath, "br");
        revalidation.Headers.IfNoneMatch.Add(brotli.Headers.ETag!);
        var notModified = await client.SendAsync(revalidation);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        notModified.Headers.Vary.Should().Equal("Accept-Encoding");
    }

    [Fact]
    public async Task The_index_html_is_compressed_too_on_every_route_of_the_web_app_and_still_revalidated()
    {
        var client = _app.CreateClient();
        foreach (var path in new[] { "/", "/sessions/7d02fb64-66b8-f084-3ac1-264fa2a5cadd", "/index.html" })
        {
            var response = await client.SendAsync(Get(path, "gzip, br"));

            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Content.Headers.ContentEncoding.Should().Equal(["br"], path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html", path);
            response.Headers.Vary.Should().Equal(["Accept-Encoding"], path);
            (await DecodedBodyAsync(response)).Should().Be(IndexHtml, path);
            if (path != "/index.html")
            {
                response.Headers.CacheControl!.NoCache.Should().BeTrue(path);
            }
        }
    }

    [Fact]
    public async Task The_compressed_copies_are_not_served_under_their_own_names()
    {
        var client = _app.CreateClient();

        foreach (var path in new[] { CompressedAssetPath + ".br", CompressedAssetPath + ".gz", "/index.html.br" })
        {
            (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task Source_maps_are_not_served_in_Production()
    {
        using var production = _api.WithWebHostBuilder(builder => builder.UseWebRoot(_webRoot).UseEnvironment("Production"));
        var client = production.CreateClient();

        var map = await client.GetAsync(SourceMapPath);

        map.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await map.Content.ReadAsStringAsync()).Should().NotContain("secret.ts").And.NotContain("Itqan test shell");
        (await client.GetAsync(CompressedAssetPath)).StatusCode.Should().Be(HttpStatusCode.OK);
        // Outside Production (here the tests' environment) a developer may still read them.
        (await _app.CreateClient().GetAsync(SourceMapPath)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
