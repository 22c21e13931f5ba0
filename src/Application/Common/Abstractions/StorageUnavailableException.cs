namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// The storage of recording files could not be asked (the object store is down, out of reach or answered with a
/// server error): an outage, answered 503 with <c>Retry-After</c>, never a missing file.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
