using BlendSign.Data.Audit;

namespace BlendSign.Web.Cli;

// The command line has no BlendSign sign-in, so the audit trail names the operating-system account that ran the verb
// (whoever can run it can open the database anyway).
public static class CliActor
{
    public static AuditActor For(string source) => new(null, $"{Environment.UserName} (command line)", source);
}
