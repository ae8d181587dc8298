using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

// A database that did not answer (a restart, a dropped connection, a lock past its timeout), not a programming error:
// pages catch these to say "not saved, try again" instead of losing the user's session.
public static class DatabaseFailure
{
    public static bool Is(Exception exception) => exception switch
    {
        DbException or DbUpdateException or TimeoutException => true,
        // EF wraps a provider's transient errors ("An exception has been raised that is likely due to a transient failure").
        InvalidOperationException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
