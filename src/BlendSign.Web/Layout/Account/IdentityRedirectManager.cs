using Microsoft.AspNetCore.Components;

namespace BlendSign.Web.Layout.Account;

/// <summary>Redirects after sign-in, to a local URL only (<see cref="LocalReturnUrl"/>): no open redirects.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalReturnUrl.Of(uri));
}
