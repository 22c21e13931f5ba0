namespace ItqanRecording.Domain.Recordings.Media;

/// <summary>What a media job makes from a completed recording's file; the original stays the source of truth.</summary>
public enum MediaTask
{
    /// <summary>A still of the video a few seconds in, for the player and the lists (<see cref="MediaOutputs.PosterOf"/>).</summary>
    Poster,
}
