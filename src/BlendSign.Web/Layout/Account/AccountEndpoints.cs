using BlendSign.Data.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BlendSign.Web.Layout.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// POST /Account/Logout, the app bar's form (its antiforgery token is checked): a new security stamp ends every
    /// session of the account, copies of the cookie and live circuits included, then this browser's cookie goes.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (
                HttpContext context,
                [FromServices] SignInManager<ApplicationUser> signInManager,
                [FromServices] UserManager<ApplicationUser> users,
                [FromServices] AccountSessions sessions) =>
            {
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    return Results.BadRequest("Sign out from the app bar's button.");
                }

                if (await users.GetUserAsync(context.User) is { } user)
                {
                    await users.UpdateSecurityStampAsync(user);
                    sessions.End(user.Id);
                }

                await signInManager.SignOutAsync();
                return Results.LocalRedirect("~/Account/Login");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }
}
