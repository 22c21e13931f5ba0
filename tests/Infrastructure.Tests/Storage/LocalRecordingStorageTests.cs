using ItqanRecording.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.Storage;

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

    [Theory]
    [InlineData("absolute")]
    [InlineData("relative")]
    public void A_file_that_is_a_symbolic_link_out_of_the_root_is_refused_everywhere(string kind)
    {
        var outside = WriteFileBesideTheRoot();
        var link = Path.Combine(_parent.FullName, "root", "interactive", "a.mp4");
        File.CreateSymbolicLink(link, kind == "absolute" ? outside : Path.Combine("..", "..", "outside.mp4"));
        File.ReadAllText(link).Should().Be("not a recording", "the link really leads out of the root");

        _storage.ToRelativePath("/recordings/interactive/a.mp4").Should().BeNull();
        _storage.GetFileSize("interactive/a.mp4").Should().BeNull();
        ((Action)(() => _storage.FindFile("interactive/a.mp4"))).Should().Throw<ArgumentException>();
        ((Action)(() => _storage.DeleteFile("interactive/a.mp4"))).Should().Throw<ArgumentException>();
        File.Exists(outside).Should().BeTrue();
    }

    [Fact]
    public void A_file_below_a_folder_that_is_a_symbolic_link_is_refused()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_parent.FullName, "elsewhere"));
        File.WriteAllText(Path.Combine(elsewhere.FullName, "secret.mp4"), "not a recording");
        Directory.CreateSymbolicLink(Path.Combine(_parent.FullName, "root", "interactive", "2026"), elsewhere.FullName);

        _storage.ToRelativePath("/recordings/interactive/2026/secret.mp4").Should().BeNull();
        ((Action)(() => _storage.FindFile("interactive/2026/secret.mp4"))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_symbolic_link_to_another_file_inside_the_root_is_refused_too()
    {
        File.WriteAllText(Path.Combine(_parent.FullName, "root", "interactive", "real.mp4"), "media");
        File.CreateSymbolicLink(Path.Combine(_parent.FullName, "root", "interactive", "alias.mp4"), "real.mp4");

        _storage.ToRelativePath("/recordings/interactive/alias.mp4").Should().BeNull();
        _storage.ToRelativePath("/recordings/interactive/real.mp4").Should().Be("interactive/real.mp4");
    }

    [Fact]
    public void A_storage_root_that_is_itself_a_link_serves_the_files_below_it()
    {
        File.WriteAllText(Path.Combine(_parent.FullName, "root", "interactive", "a.mp4"), "media");
        var linkedRoot = Path.Combine(_parent.FullName, "linked-root");
        Directory.CreateSymbolicLink(linkedRoot, Path.Combine(_parent.FullName, "root"));
        var storage = new LocalRecordingStorage(Options.Create(new StorageOptions { RootPath = linkedRoot }));

        storage.FindFile("interactive/a.mp4")!.Length.Should().Be(5);
    }

    [Fact]
    public void A_path_whose_folders_do_not_exist_yet_resolves_for_writing()
    {
        _storage.ResolveInsideRoot("quran/2026/12/new.ogg").Should().Be(Path.Combine(_parent.FullName, "root", "quran", "2026", "12", "new.ogg"));
    }

    private string WriteFileBesideTheRoot()
    {
        var outside = Path.Combine(_parent.FullName, "outside.mp4");
        File.WriteAllText(outside, "not a recording");
        return outside;
    }
}
