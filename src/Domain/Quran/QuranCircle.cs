using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Quran;

public enum QuranCircleType
{
    Individual,
    Group,
}

/// <summary>
/// A Quran memorisation circle: one teacher with one student (individual) or several (group). Its own recording
/// switch, when set, wins over the academy's.
/// </summary>
public sealed class QuranCircle
{
    private readonly List<QuranCircleStudent> _students = [];

    private QuranCircle()
    {
        Name = string.Empty;
    }

    private QuranCircle(Guid id, Guid academyId, string name, Guid teacherId, QuranCircleType type, bool? recordingEnabled, bool audioOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        AcademyId = academyId;
        Name = name;
        TeacherId = teacherId;
        Type = type;
        RecordingEnabled = recordingEnabled;
        AudioOnly = audioOnly;
    }

    public Guid Id { get; private set; }

    public Guid AcademyId { get; private set; }

    public string Name { get; private set; }

    public Guid TeacherId { get; private set; }

    public User? Teacher { get; private set; }

    public QuranCircleType Type { get; private set; }

    /// <summary>The one student of an individual circle; null for a group.</summary>
    public Guid? StudentId { get; private set; }

    public IReadOnlyCollection<QuranCircleStudent> Students => _students;

    /// <summary>The circle's own switch; null means "as the academy says".</summary>
    public bool? RecordingEnabled { get; private set; }

    /// <summary>Record sound only (OGG): enough for recitation, a fraction of the size.</summary>
    public bool AudioOnly { get; private set; }

    public static QuranCircle Individual(Guid id, Guid academyId, string name, Guid teacherId, Guid studentId, bool? recordingEnabled = null, bool audioOnly = false) =>
        new(id, academyId, name, teacherId, QuranCircleType.Individual, recordingEnabled, audioOnly) { StudentId = studentId };

    public static QuranCircle Group(Guid id, Guid academyId, string name, Guid teacherId, IEnumerable<Guid> studentIds, bool? recordingEnabled = null, bool audioOnly = false)
    {
        ArgumentNullException.ThrowIfNull(studentIds);
        var circle = new QuranCircle(id, academyId, name, teacherId, QuranCircleType.Group, recordingEnabled, audioOnly);
        circle._students.AddRange(studentIds.Distinct().Select(s => new QuranCircleStudent(id, s)));
        return circle;
    }

    /// <summary>The circle's one student, or its group's.</summary>
    public IReadOnlyCollection<Guid> StudentIds =>
        Type == QuranCircleType.Individual ? (StudentId is { } one ? [one] : []) : [.. _students.Select(s => s.StudentId)];
}

public sealed class QuranCircleStudent(Guid circleId, Guid studentId)
{
    public Guid CircleId { get; private set; } = circleId;

    public Guid StudentId { get; private set; } = studentId;
}
