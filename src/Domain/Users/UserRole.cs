namespace Itqan.Recording.Domain.Users;

public enum UserRole
{
    Admin,
    Teacher,
    Student,
}
