using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Api.Tests.SessionKinds;

/// <summary>A kind the service does not ship: a one-off workshop a host gives to one guest. Defined only in this test project.</summary>
public sealed class Workshop(Guid id, Guid academyId, string topic, Guid hostId, Guid guestId, bool recordingEnabled)
{
    public Guid Id { get; private set; } = id;

    public Guid AcademyId { get; private set; } = academyId;

    public string Topic { get; private set; } = topic;

    public Guid HostId { get; private set; } = hostId;

    public Guid GuestId { get; private set; } = guestId;

    public bool RecordingEnabled { get; private set; } = recordingEnabled;
}

/// <summary>The workshop's live session: its host records it, its host and guest watch it.</summary>
public sealed class WorkshopSession : LiveSession
{
    private WorkshopSession()
    {
        Workshop = null!;
    }

    public WorkshopSession(Guid id, Academy academy, Workshop workshop, DateTimeOffset scheduledAt, SessionStatus status, string? meetingRoomName)
        : base(id, academy, $"{workshop.Topic} workshop", scheduledAt, status, meetingRoomName)
    {
        Workshop = workshop;
        WorkshopId = workshop.Id;
    }

    public Guid WorkshopId { get; private set; }

    public Workshop Workshop { get; private set; }

    public override SessionKind Kind => WorkshopKind.Workshop;

    public override bool IsRecordingEnabled => Workshop.RecordingEnabled;

    public override Guid TeacherId => Workshop.HostId;

    public override Guid ParentId => WorkshopId;

    public override IReadOnlyCollection<Guid> StudentIds => [Workshop.GuestId];

    protected override void AddKindMetadata(IDictionary<string, object?> metadata)
    {
        metadata["workshopId"] = WorkshopId;
        metadata["topic"] = Workshop.Topic;
    }
}
