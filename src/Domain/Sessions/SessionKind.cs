namespace ItqanRecording.Domain.Sessions;

public enum SessionKind
{
    Interactive,
    Quran,
    Academic,
}
