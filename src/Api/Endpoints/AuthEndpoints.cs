using ItqanRecording.Api.Auth;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Auth;
using ItqanRecording.Application.Auth.GetCurrentUser;
using ItqanRecording.Application.Auth.SignIn;
using ItqanRecording.Application.Auth.SignOut;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Api.Endpoints;

public sealed record LoginRequest(string Email, string Password);

public sealed record LoginResponse(string AccessToken, string TokenType, long ExpiresIn);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).WithName("SignIn").AllowAnonymous().RequireRateLimiting(SignInProtection.LoginPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/me", Me).WithName("GetCurrentUser").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/logout", (Delegate)Logout).WithName("SignOut").RequireAuthorization();
        return app;
    }

    /// <summary>Signs in with email and password: sets the HttpOnly cookie and returns a bearer token.</summary>
    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request,
        HttpContext http,
        ISender sender,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SignInCommand(request.Email, request.Password), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var session = result.Value;
        await http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            CurrentActor.ToPrincipal(session, CookieAuthenticationDefaults.AuthenticationScheme));

        var options = bearerOptions.Get(BearerTokenDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(
            CurrentActor.ToPrincipal(session, BearerTokenDefaults.AuthenticationScheme),
            properties,
            BearerTokenDefaults.AuthenticationScheme);
        return TypedResults.Ok(new LoginResponse(
            options.BearerTokenProtector.Protect(ticket), "Bearer", (long)options.BearerTokenExpiration.TotalSeconds));
    }

    /// <summary>The signed-in user.</summary>
    private static async Task<Results<Ok<CurrentUserResponse>, ProblemHttpResult>> Me(
        HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetCurrentUserQuery(http.User.ToActor().UserId), cancellationToken)).ToOk();

    /// <summary>Ends every session of the user: the cookie, and every bearer token issued to them, stop working.</summary>
    private static async Task<NoContent> Logout(HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new SignOutCommand(http.User.ToActor().UserId), cancellationToken);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
