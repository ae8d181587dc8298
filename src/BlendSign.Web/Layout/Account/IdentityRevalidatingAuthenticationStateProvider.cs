using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace BlendSign.Web.Layout.Account;

/// <summary>
/// A live circuit re-checks its session every <see cref="SessionCheckOptions.CircuitCheckInterval"/> and signs out at once
/// when this process ends the account's sessions (<see cref="AccountSessions"/>).
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly AccountSessions _sessions;
    private readonly TimeSpan _interval;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, AccountSessions sessions, IOptions<SessionCheckOptions> options)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _sessions = sessions;
        _interval = options.Value.CircuitCheckInterval;
        _sessions.Ended += OnSessionsEnded;
    }

    protected override TimeSpan RevalidationInterval => _interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCheck>().HoldsAsync(authenticationState.User, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sessions.Ended -= OnSessionsEnded;
        }

        base.Dispose(disposing);
    }

    private void OnSessionsEnded(string userId)
    {
        Task<AuthenticationState> current;
        try
        {
            current = GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return; // the circuit has no state yet: its first check ends it
        }

        if (current.IsCompletedSuccessfully && current.Result.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId)
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }
}
