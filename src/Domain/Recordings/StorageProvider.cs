namespace ItqanRecording.Domain.Recordings;

/// <summary>
/// Where a recording's file lies: the folder the API shares with the egress (<see cref="Local"/>), or an
/// S3-compatible object store (<see cref="S3"/>). Each file remembers its own, so files written before a deployment
/// moved to object storage stay readable until they are migrated.
/// </summary>
public enum StorageProvider
{
    Local = 0,
    S3 = 1,
}
