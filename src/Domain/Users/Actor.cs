namespace ItqanRecording.Domain.Users;

/// <summary>The signed-in person a rule is asked about.</summary>
public sealed record Actor(Guid UserId, Guid AcademyId, UserRole Role)
{
    public bool IsAdminOf(Guid academyId) => Role == UserRole.Admin && AcademyId == academyId;
}
