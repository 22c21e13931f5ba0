using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Auth.GetCurrentUser;

/// <summary>The signed-in user, as stored now.</summary>
public sealed record GetCurrentUserQuery(Guid UserId) : IQuery<Result<CurrentUserResponse>>;

public sealed class GetCurrentUserHandler(IApplicationDbContext db) : IQueryHandler<GetCurrentUserQuery, Result<CurrentUserResponse>>
{
    public async ValueTask<Result<CurrentUserResponse>> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.UserId, cancellationToken);
        return user is null
            ? new Error("auth.user_not_found", "The signed-in user no longer exists.", ErrorType.Unauthorized)
            : CurrentUserResponse.From(user);
    }
}
