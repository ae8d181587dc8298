using BlendSign.Data.Dicom.Isolation;
using BlendSign.Model.Network;
using BlendSign.Web.Features.Import;
using BlendSign.Web.Features.Training;

namespace BlendSign.Web.Hosting;

// For work that must not share the server's process: a DICOM decoder and the CPU fast path check.
internal static class ChildProcessCommands
{
    /// <summary>This binary with <paramref name="arguments"/>: the app host, or <c>dotnet BlendSign.Web.dll</c>.</summary>
    public static string[] ForThisBinary(params string[] arguments)
    {
        var assembly = typeof(DecodeWorkerVerb).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return [host, assembly, .. arguments];
        }

        var appHost = Path.ChangeExtension(assembly, null);
        return File.Exists(appHost) ? [appHost, .. arguments] : ["dotnet", assembly, .. arguments];
    }

    public static IServiceCollection AddChildProcessCommands(this IServiceCollection services)
    {
        services.PostConfigure<DecoderIsolationOptions>(options =>
        {
            if (options.WorkerCommand.Length == 0)
            {
                options.WorkerCommand = ForThisBinary(DecodeWorkerVerb.VerbName);
            }
        });
        return services.PostConfigure<CpuFastPathOptions>(options =>
        {
            if (options.ProbeCommand.Length == 0)
            {
                options.ProbeCommand = ForThisBinary(CpuCheckVerb.VerbName, "--json");
            }
        });
    }
}
