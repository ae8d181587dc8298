using System.CommandLine;

namespace BlendSign.Web.Cli;

public interface ICliVerb
{
    string Name { get; }

    Command Create(CliContext context);
}
