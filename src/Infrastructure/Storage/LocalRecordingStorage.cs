using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Storage;

/// <summary>
/// Recording files on a folder the API shares with the egress (a volume mounted at the egress prefix on its side,
/// at the storage root on ours). Paths that would leave the root are refused, by text and by the real file system: a
/// symbolic link anywhere below the root (to a file or a folder, absolute or relative, even one pointing back inside)
/// is refused, so the only files ever served are ones that really lie inside the root. The root itself may be a link
/// (an operator's choice). With an accelerated-redirect prefix, a found file also carries the URI nginx's internal
/// location serves it under.
/// </summary>
public sealed class LocalRecordingStorage(IOptions<StorageOptions> options) : IRecordingFileStore
{
    private readonly string _root = Path.GetFullPath(options.Value.RootPath);
    private readonly string _egressPrefix = "/" + options.Value.EgressPathPrefix.Trim('/');
    private readonly string? _acceleratedRedirectPrefix = options.Value.AcceleratedRedirectPrefix;

    public EgressFileDestination DestinationFor(string relativePath) => new($"{_egressPrefix}/{relativePath.TrimStart('/')}");

    /// <summary>The egress reports its local path as the location, and older egress versions only as the file name.</summary>
    public string? ToRelativePath(EgressFileResult file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ToRelativePath(string.IsNullOrEmpty(file.Location) ? file.Filename : file.Location);
    }

    public Task<long?> GetFileSizeAsync(string relativePath, CancellationToken cancellationToken) => Task.FromResult(GetFileSize(relativePath));

    public Task<StoredFile?> FindFileAsync(string relativePath, FileDelivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult<StoredFile?>(FindFile(relativePath));

    public async Task<string?> ReadTextAsync(string relativePath, CancellationToken cancellationToken) =>
        FindFile(relativePath) is { } file ? await File.ReadAllTextAsync(file.PhysicalPath, cancellationToken) : null;

    /// <summary>Written beside the target and renamed over it, so a reader never sees half a file; then its size is checked.</summary>
    public async Task SaveFileAsync(string relativePath, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var fullPath = ResolveInsideRoot(relativePath)
            ?? throw new ArgumentException($"'{relativePath}' lies outside the storage root.", nameof(relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var partial = $"{fullPath}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var source = File.OpenRead(localPath))
            await using (var target = File.Create(partial))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            File.Move(partial, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        if (new FileInfo(fullPath).Length != new FileInfo(localPath).Length)
        {
            throw new InvalidDataException($"The copy of '{localPath}' at '{relativePath}' does not have the local file's size.");
        }
    }

    public Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        DeleteFile(relativePath);
        return Task.CompletedTask;
    }

    public string? ToRelativePath(string egressPath)
    {
        if (string.IsNullOrWhiteSpace(egressPath)
            || !egressPath.StartsWith(_egressPrefix + "/", StringComparison.Ordinal)
            || egressPath.Contains('\\', StringComparison.Ordinal)
            || egressPath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var relative = egressPath[(_egressPrefix.Length + 1)..];
        var segments = relative.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return null;
        }

        return ResolveInsideRoot(relative) is null ? null : relative;
    }

    public long? GetFileSize(string relativePath)
    {
        var fullPath = ResolveInsideRoot(relativePath);
        if (fullPath is null)
        {
            return null;
        }

        var file = new FileInfo(fullPath);
        return file.Exists ? file.Length : null;
    }

    public StoredFile.OnDisk? FindFile(string relativePath)
    {
        var fullPath = ResolveInsideRoot(relativePath)
            ?? throw new ArgumentException($"'{relativePath}' lies outside the storage root.", nameof(relativePath));
        var file = new FileInfo(fullPath);
        return file.Exists ? new StoredFile.OnDisk(fullPath, file.Length, file.LastWriteTimeUtc, AcceleratedRedirectOf(fullPath)) : null;
    }

    public void DeleteFile(string relativePath)
    {
        var fullPath = ResolveInsideRoot(relativePath)
            ?? throw new ArgumentException($"'{relativePath}' lies outside the storage root.", nameof(relativePath));
        if (File.Exists(fullPath))
        {
            File.Delete(fullPath);
        }
    }

    /// <summary>
    /// <c>{prefix}{path below the root}</c> with each segment percent-escaped, for a path already resolved inside the
    /// root (so no segment is <c>..</c> and nothing outside the root can be named); null without a prefix.
    /// </summary>
    private string? AcceleratedRedirectOf(string fullPath) =>
        _acceleratedRedirectPrefix is { } prefix
            ? prefix + string.Join('/', Path.GetRelativePath(_root, fullPath).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString))
            : null;

    /// <summary>
    /// The absolute path of a storage-relative path, or null when it would lie outside the root: by its text, or
    /// because a folder or the file on the way below the root is a symbolic link. Parts that do not exist yet are
    /// fine (a file about to be written); the check runs again on every use, since a file can be replaced later.
    /// </summary>
    public string? ResolveInsideRoot(string relativePath)
    {
        var fullPath = Path.GetFullPath(Path.Combine(_root, relativePath));
        var rootWithSeparator = _root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!fullPath.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            return null;
        }

        var current = _root;
        foreach (var segment in fullPath[rootWithSeparator.Length..].Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            var entry = new FileInfo(current);
            if (entry.LinkTarget is not null)
            {
                return null;
            }

            if (!entry.Exists && !Directory.Exists(current))
            {
                break;
            }
        }

        return fullPath;
    }
}
