using Itqan.Recording.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Itqan.Recording.Infrastructure.Tests.Storage;

public sealed class LocalRecordingStorageTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("itqan-storage-");
    private readonly LocalRecordingStorage _storage;

    public LocalRecordingStorageTests()
    {
        Directory.CreateDirectory(Path.Combine(_parent.FullName, "root", "interactive"));
        _storage = new LocalRecordingStorage(Options.Create(new StorageOptions
        {
            RootPath = Path.Combine(_parent.FullName, "root"),
            EgressPathPrefix = "/recordings",
        }));
    }

    public void Dispose() => _parent.Delete(recursive: true);

    [Fact]
    public void Deleting_a_file_removes_it_from_disk()
    {
        var path = Path.Combine(_parent.FullName, "root", "interactive", "a.mp4");
        File.WriteAllText(path, "media");

        _storage.DeleteFile("interactive/a.mp4");

        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Deleting_a_file_that_is_already_gone_is_not_an_error()
    {
        var delete = () => _storage.DeleteFile("interactive/missing.mp4");

        delete.Should().NotThrow();
    }

    [Theory]
    [InlineData("../outside.mp4")]
    [InlineData("interactive/../../outside.mp4")]
    public void A_path_leaving_the_root_is_refused_and_nothing_is_deleted(string relativePath)
    {
        var outside = WriteFileBesideTheRoot();

        var delete = () => _storage.DeleteFile(relativePath);

        delete.Should().Throw<ArgumentException>();
        File.Exists(outside).Should().BeTrue();
    }

    [Fact]
    public void An_absolute_path_outside_the_root_is_refused_and_nothing_is_deleted()
    {
        var outside = WriteFileBesideTheRoot();

        var delete = () => _storage.DeleteFile(outside);

        delete.Should().Throw<ArgumentException>();
        File.Exists(outside).Should().BeTrue();
    }

    [Fact]
    public void Without_a_redirect_prefix_a_found_file_names_no_redirect()
    {
        File.WriteAllText(Path.Combine(_parent.FullName, "root", "interactive", "a.mp4"), "media");

        _storage.FindFile("interactive/a.mp4")!.AcceleratedRedirect.Should().BeNull();
    }

    [Theory]
    [InlineData("interactive/a b.mp4", "/_files/interactive/a%20b.mp4")]
    [InlineData("interactive/./x/../a b.mp4", "/_files/interactive/a%20b.mp4")]
    [InlineData("interactive/%2e%2e?#.mp4", "/_files/interactive/%252e%252e%3F%23.mp4")]
    public void With_a_redirect_prefix_a_found_file_names_its_normalised_escaped_path_below_the_root(string relativePath, string redirect)
    {
        var storage = new LocalRecordingStorage(Options.Create(new StorageOptions
        {
            RootPath = Path.Combine(_parent.FullName, "root"),
            AcceleratedRedirectPrefix = "/_files/",
        }));
        File.WriteAllText(storage.ResolveInsideRoot(relativePath)!, "media");

        storage.FindFile(relativePath)!.AcceleratedRedirect.Should().Be(redirect);
    }

    private string WriteFileBesideTheRoot()
    {
        var outside = Path.Combine(_parent.FullName, "outside.mp4");
        File.WriteAllText(outside, "not a recording");
        return outside;
    }
}
