namespace Itqan.Recording.Domain.Academies;

/// <summary>A tenant. Its settings are the fallback for kinds whose own setting is not set.</summary>
public sealed class Academy
{
    private Academy()
    {
        Name = string.Empty;
    }

    public Academy(Guid id, string name, bool? quranRecordingEnabled = null, bool? academicRecordingEnabled = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        QuranRecordingEnabled = quranRecordingEnabled;
        AcademicRecordingEnabled = academicRecordingEnabled;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public bool? QuranRecordingEnabled { get; private set; }

    public bool? AcademicRecordingEnabled { get; private set; }
}
