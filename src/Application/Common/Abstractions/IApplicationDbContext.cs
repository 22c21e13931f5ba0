using Itqan.Recording.Domain.Academies;
using Itqan.Recording.Domain.Courses;
using Itqan.Recording.Domain.Sessions;
using Itqan.Recording.Domain.Users;
using Microsoft.EntityFrameworkCore;
using RecordingEntity = Itqan.Recording.Domain.Recordings.Recording;

namespace Itqan.Recording.Application.Common.Abstractions;

/// <summary>The unit of work the use cases read and write through.</summary>
public interface IApplicationDbContext
{
    DbSet<RecordingEntity> Recordings { get; }

    DbSet<LiveSession> Sessions { get; }

    DbSet<Course> Courses { get; }

    DbSet<User> Users { get; }

    DbSet<Academy> Academies { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
