using ItqanRecording.Domain.Recordings;
using Microsoft.Extensions.Caching.Memory;

namespace ItqanRecording.Application.Recordings.GetRecordingFile;

/// <summary>
/// What <see cref="GetRecordingFileHandler"/> remembers between a player's range requests, in this API instance's
/// memory, so a 1 MiB range costs no database round trip:
/// <list type="bullet">
/// <item>a <b>granted</b> access of a user to a recording's file for <see cref="GrantLifetime"/>: an access taken away
/// since (a student removed from the course, a deleted recording) goes on streaming at most that long, well within a
/// signed link's lifetime. A refusal is never remembered, so a granted access works at once;</item>
/// <item>that the user's first stream or download of a UTC day is in the audit trail: the next day writes its own.</item>
/// </list>
/// At most <see cref="Capacity"/> entries: when full, requests ask the database as if nothing were remembered.
/// </summary>
public sealed class RecordingFileAccessMemory(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan GrantLifetime = TimeSpan.FromSeconds(30);

    public const int Capacity = 10_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The recording, when the user was granted this action on it less than <see cref="GrantLifetime"/> ago.</summary>
    public RecordingForFile? FindGrant(Guid userId, Guid recordingId, RecordingFileAction action) =>
        _entries.TryGetValue(new GrantKey(userId, recordingId, action), out Grant? grant) && grant!.ExpiresAt > clock.GetUtcNow()
            ? grant.Recording
            : null;

    public void RememberGrant(Guid userId, RecordingFileAction action, RecordingForFile recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        _entries.Set(
            new GrantKey(userId, recording.Id, action),
            new Grant(recording, clock.GetUtcNow() + GrantLifetime),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = GrantLifetime });
    }

    /// <summary>Whether this stream or download entry's user, recording, action and day are already in the audit trail.</summary>
    public bool IsAudited(RecordingAuditEntry access) => _entries.TryGetValue(AuditKeyOf(access), out _);

    public void RememberAudited(RecordingAuditEntry access) =>
        _entries.Set(AuditKeyOf(access), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1) });

    public void Dispose() => _entries.Dispose();

    private static AuditKey AuditKeyOf(RecordingAuditEntry access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new AuditKey(access.UserId, access.RecordingId, access.Action, access.AccessDay);
    }

    private readonly record struct GrantKey(Guid UserId, Guid RecordingId, RecordingFileAction Action);

    private readonly record struct AuditKey(Guid? UserId, Guid RecordingId, RecordingAuditAction Action, DateOnly? Day);

    private sealed record Grant(RecordingForFile Recording, DateTimeOffset ExpiresAt);
}
