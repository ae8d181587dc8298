using BlendSign.Model.Torch;
using BlendSign.Web.Cli;
using BlendSign.Web.Hosting;

// Before anything touches libtorch, which reads its huge-pages setting at its first allocation (TorchMemory).
TorchMemory.Configure();

// One binary: a verb runs the command line, no verb runs the server (DESIGN.md, "The command line").
if (CliApplication.IsVerb(args))
{
    return await CliApplication.RunAsync(args);
}

var app = ServerSetup.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
