using BlendSign.Data.Audit;

namespace BlendSign.Web.Cli;

/// <summary>
/// Who the audit trail names for a verb: the command line has no BlendSign sign-in, so it is the operating-system
/// account that ran the verb (whoever can run it can open the database anyway).
/// </summary>
public static class CliActor
{
    public static AuditActor For(string source) => new(null, $"{Environment.UserName} (command line)", source);
}
