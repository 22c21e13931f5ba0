using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Api.Tests.Files;

[Collection(ApiCollection.Name)]
public sealed class StreamRecordingTests(ApiFixture api)
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7 % 251))];

    [Theory]
    [InlineData(RecordingFormat.Mp4, "video/mp4")]
    [InlineData(RecordingFormat.Ogg, "audio/ogg")]
    public async Task The_whole_file_streams_inline_with_its_type_length_and_validators(RecordingFormat format, string contentType)
    {
        var url = await NewStreamUrlAsync(format);
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        response.Content.Headers.ContentLength.Should().Be(Content.Length);
        response.Content.Headers.ContentDisposition.Should().BeNull();
        response.Content.Headers.LastModified.Should().NotBeNull();
        response.Headers.AcceptRanges.Should().Equal("bytes");
        response.Headers.ETag!.IsWeak.Should().BeFalse();
        response.Headers.CacheControl!.Private.Should().BeTrue();
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
    }

    [Theory]
    [InlineData(0L, 99L, 0, 100)]
    [InlineData(100L, null, 100, 9_900)]
    [InlineData(null, 500L, 9_500, 500)]
    public async Task A_range_gets_exactly_its_bytes(long? from, long? to, int expectedStart, int expectedLength)
    {
        var url = await NewStreamUrlAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.SendAsync(Get(url, r => r.Headers.Range = new RangeHeaderValue(from, to)));

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange.Should().Be(
            new ContentRangeHeaderValue(expectedStart, expectedStart + expectedLength - 1, Content.Length));
        response.Content.Headers.ContentLength.Should().Be(expectedLength);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content.AsSpan(expectedStart, expectedLength).ToArray());
    }

    [Fact]
    public async Task A_range_past_the_end_is_not_satisfiable_and_says_the_length()
    {
        var url = await NewStreamUrlAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.SendAsync(Get(url, r => r.Headers.Range = new RangeHeaderValue(999_999_999, null)));

        response.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
        response.Content.Headers.ContentRange.Should().Be(new ContentRangeHeaderValue(Content.Length));
    }

    [Fact]
    public async Task Seeking_back_and_forth_gets_each_range()
    {
        var url = await NewStreamUrlAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        foreach (var (from, to) in new[] { (5_000, 5_099), (100, 199), (9_900, 9_999), (0, 0), (4_096, 8_191) })
        {
            var response = await student.SendAsync(Get(url, r => r.Headers.Range = new RangeHeaderValue(from, to)));

            response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content[from..(to + 1)]);
        }
    }

    [Fact]
    public async Task Several_ranges_in_one_request_get_the_whole_file()
    {
        var url = await NewStreamUrlAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.SendAsync(Get(url, r => r.Headers.TryAddWithoutValidation("Range", "bytes=0-9,20-29")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
    }

    [Fact]
    public async Task If_Range_with_the_current_ETag_gets_the_range_and_with_a_stale_one_the_whole_file()
    {
        var url = await NewStreamUrlAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var etag = (await student.GetAsync(url)).Headers.ETag!;

        var current = await student.SendAsync(Get(url, r =>
        {
            r.Headers.Range = new RangeHeaderValue(10, 19);
            r.Headers.IfRange = new RangeConditionHeaderValue(etag);
        }));
        var stale = await student.SendAsync(Get(url, r =>
        {
            r.Headers.Range = new RangeHeaderValue(10, 19);
            r.Headers.IfRange = new RangeConditionHeaderValue("\"an-older-version\"");
        }));

        current.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await current.Content.ReadAsByteArrayAsync()).Should().Equal(Content[10..20]);
        stale.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stale.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
    }

    [Fact]
    public async Task A_client_holding_the_current_version_gets_not_modified()
    {
        var url = await NewStreamUrlAsync();
        var student = await api.SignedInClientAsync(TestData.Student);
        var first = await student.GetAsync(url);

        var byETag = await student.SendAsync(Get(url, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!)));
        var byDate = await student.SendAsync(Get(url, r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified));

        byETag.StatusCode.Should().Be(HttpStatusCode.NotModified);
        byDate.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await byETag.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_request_conditional_on_an_older_version_fails_its_precondition()
    {
        var url = await NewStreamUrlAsync();
        var student = await api.SignedInClientAsync(TestData.Student);

        var response = await student.SendAsync(Get(url, r => r.Headers.IfMatch.Add(new EntityTagHeaderValue("\"an-older-version\""))));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_rewritten_file_gets_a_new_ETag()
    {
        var file = api.NewStoredFile(f => f.Write(Content));
        var recordingId = await api.NewCompletedRecordingAsync(file);
        var student = await api.SignedInClientAsync(TestData.Student);
        var before = (await student.GetAsync(StreamUrl(recordingId))).Headers.ETag!;

        await File.WriteAllBytesAsync(Path.Combine(api.StorageRoot, file.RelativePath), Content[..5_000]);
        var after = await student.SendAsync(Get(StreamUrl(recordingId), r => r.Headers.IfNoneMatch.Add(before)));

        after.StatusCode.Should().Be(HttpStatusCode.OK);
        after.Headers.ETag.Should().NotBe(before);
        (await after.Content.ReadAsByteArrayAsync()).Should().Equal(Content[..5_000]);
    }

    [Fact]
    public async Task A_cookie_signed_in_user_streams_without_a_link()
    {
        var url = await NewStreamUrlAsync();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = api.BaseAddress };
        (await browser.PostAsJsonAsync("/api/auth/login", new { email = TestData.Student, password = TestData.Password }))
            .EnsureSuccessStatusCode();

        var response = await browser.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Content);
    }

    private async Task<string> NewStreamUrlAsync(RecordingFormat format = RecordingFormat.Mp4)
    {
        var recordingId = await api.NewCompletedRecordingAsync(api.NewStoredFile(f => f.Write(Content), format));
        return StreamUrl(recordingId);
    }

    private static string StreamUrl(Guid recordingId) => $"/api/recordings/{recordingId}/stream";

    private static HttpRequestMessage Get(string url, Action<HttpRequestMessage> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers(request);
        return request;
    }
}
