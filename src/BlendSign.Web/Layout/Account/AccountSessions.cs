namespace BlendSign.Web.Layout.Account;

/// <summary>
/// Tells this process's live circuits that an account's sessions have ended (its stamp changed), so they sign out at
/// once; circuits on other web nodes notice at their next check (<see cref="SessionCheckOptions.CircuitCheckInterval"/>).
/// </summary>
public sealed class AccountSessions
{
    public event Action<string>? Ended;

    public void End(string userId) => Ended?.Invoke(userId);
}
