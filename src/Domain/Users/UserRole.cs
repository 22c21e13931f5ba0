namespace ItqanRecording.Domain.Users;

public enum UserRole
{
    Admin,
    Teacher,
    Student,
}
