using System.CommandLine;

namespace BlendSign.Web.Cli;

/// <summary>One top-level verb of the command line (DESIGN.md, "The command line").</summary>
public interface ICliVerb
{
    string Name { get; }

    Command Create(CliContext context);
}
