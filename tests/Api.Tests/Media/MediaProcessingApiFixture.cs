using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Media;

/// <summary>An API of its own for the media tests, so the only media jobs in its database are theirs and the demo recordings'.</summary>
public sealed class MediaProcessingApiFixture : ApiFixture;

[CollectionDefinition(Name)]
public sealed class MediaProcessingCollection : ICollectionFixture<MediaProcessingApiFixture>
{
    public const string Name = "api-media";
}
