namespace Itqan.Recording.Domain.Sessions;

public enum SessionKind
{
    Interactive,
    Quran,
    Academic,
}
