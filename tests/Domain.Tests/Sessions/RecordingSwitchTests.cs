using ItqanRecording.Domain.Academic;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Tests.Sessions;

/// <summary>
/// Whether a Quran or academic session is recorded: its own switch when set, else the academy's, else off.
/// </summary>
public class RecordingSwitchTests
{
    private static readonly Guid AcademyId = Guid.NewGuid();
    private static readonly Guid TeacherId = Guid.NewGuid();
    private static readonly Guid StudentId = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, bool?, bool?, bool> Cases() => new()
    {
        { "explicit on, academy off", true, false, true },
        { "explicit on, academy unset", true, null, true },
        { "explicit off, academy on", false, true, false },
        { "inherited on", null, true, true },
        { "inherited off", null, false, false },
        { "nothing set anywhere", null, null, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quran_sessions_follow_the_circle_then_the_academy(string rule, bool? circle, bool? academy, bool expected)
    {
        var session = QuranSessionWith(circle, academy);

        session.IsRecordingEnabled.Should().Be(expected, rule);
        (session.FindRecordingBlocker(false) == RecordingBlocker.RecordingDisabled).Should().Be(!expected, rule);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Academic_sessions_follow_the_lesson_then_the_academy(string rule, bool? lesson, bool? academy, bool expected)
    {
        var session = AcademicSessionWith(lesson, academy);

        session.IsRecordingEnabled.Should().Be(expected, rule);
    }

    [Fact]
    public void An_audio_only_circle_records_ogg_sound_only()
    {
        var circle = QuranCircle.Individual(Guid.NewGuid(), AcademyId, "Hifz", TeacherId, StudentId, true, audioOnly: true);
        var session = new QuranSession(Guid.NewGuid(), new Academy(AcademyId, "A"), circle, "Hifz - Al-Mulk", At, SessionStatus.Ready, "room");

        var configuration = session.GetRecordingConfiguration(new RecordingConfiguration("speaker", "H264_720P_30", false, RecordingFormat.Mp4));

        configuration.AudioOnly.Should().BeTrue();
        configuration.Format.Should().Be(RecordingFormat.Ogg);
        session.NewFileName(At, configuration).Should().EndWith(".ogg");
        session.GetStoragePath(At).Should().Be("quran/2026/11");
    }

    [Fact]
    public void Academy_overrides_change_only_the_fields_they_set()
    {
        var academy = new Academy(AcademyId, "A", academicRecordingEnabled: true);
        academy.OverrideRecording(SessionKind.Academic, layout: "single-speaker", encodingPreset: null, audioOnly: null);
        var lesson = new PrivateLesson(Guid.NewGuid(), AcademyId, "Physics", TeacherId, StudentId);
        var session = new AcademicSession(Guid.NewGuid(), academy, lesson, "Physics - Motion", At, SessionStatus.Ready, "room");

        var configuration = session.GetRecordingConfiguration(new RecordingConfiguration("speaker", "H264_1080P_30", false, RecordingFormat.Mp4));

        configuration.Should().Be(new RecordingConfiguration("single-speaker", "H264_1080P_30", false, RecordingFormat.Mp4));
        session.GetStoragePath(At).Should().Be("academic/2026/11");
    }

    [Fact]
    public void An_individual_circle_is_seen_by_its_one_student_and_a_group_by_its_members()
    {
        var academy = new Academy(AcademyId, "A", quranRecordingEnabled: true);
        var other = Guid.NewGuid();
        var individual = new QuranSession(Guid.NewGuid(), academy,
            QuranCircle.Individual(Guid.NewGuid(), AcademyId, "Hifz", TeacherId, StudentId), "t", At, SessionStatus.Ready, "room");
        var group = new QuranSession(Guid.NewGuid(), academy,
            QuranCircle.Group(Guid.NewGuid(), AcademyId, "Juz Amma", TeacherId, [StudentId, other]), "t", At, SessionStatus.Ready, "room");

        individual.CanAccessRecordings(new Actor(StudentId, AcademyId, UserRole.Student)).Should().BeTrue();
        individual.CanAccessRecordings(new Actor(other, AcademyId, UserRole.Student)).Should().BeFalse();
        group.CanAccessRecordings(new Actor(other, AcademyId, UserRole.Student)).Should().BeTrue();
        group.CanControlRecording(new Actor(other, AcademyId, UserRole.Student)).Should().BeFalse();
        group.CanControlRecording(new Actor(TeacherId, AcademyId, UserRole.Teacher)).Should().BeTrue();
    }

    [Fact]
    public void Each_kind_adds_its_own_metadata()
    {
        var academy = new Academy(AcademyId, "A", true, true);
        var quran = new QuranSession(Guid.NewGuid(), academy,
            QuranCircle.Individual(Guid.NewGuid(), AcademyId, "Hifz", TeacherId, StudentId), "t", At, SessionStatus.Ready, "room");
        var academic = new AcademicSession(Guid.NewGuid(), academy,
            new PrivateLesson(Guid.NewGuid(), AcademyId, "Physics", TeacherId, StudentId), "t", At, SessionStatus.Ready, "room");

        quran.GetRecordingMetadata().Should().Contain(new KeyValuePair<string, object?>("sessionType", "individual"))
            .And.Contain(new KeyValuePair<string, object?>("studentId", StudentId))
            .And.ContainKey("circleId");
        academic.GetRecordingMetadata().Should().Contain(new KeyValuePair<string, object?>("subject", "Physics"))
            .And.Contain(new KeyValuePair<string, object?>("studentId", StudentId))
            .And.ContainKey("lessonId");
    }

    private static QuranSession QuranSessionWith(bool? circleSwitch, bool? academySwitch)
    {
        var academy = new Academy(AcademyId, "A", quranRecordingEnabled: academySwitch);
        var circle = QuranCircle.Group(Guid.NewGuid(), AcademyId, "Circle", TeacherId, [StudentId], circleSwitch);
        return new QuranSession(Guid.NewGuid(), academy, circle, "Circle - Week 1", At, SessionStatus.Ready, "room");
    }

    private static AcademicSession AcademicSessionWith(bool? lessonSwitch, bool? academySwitch)
    {
        var academy = new Academy(AcademyId, "A", academicRecordingEnabled: academySwitch);
        var lesson = new PrivateLesson(Guid.NewGuid(), AcademyId, "Maths", TeacherId, StudentId, lessonSwitch);
        return new AcademicSession(Guid.NewGuid(), academy, lesson, "Maths - Week 1", At, SessionStatus.Ready, "room");
    }
}
