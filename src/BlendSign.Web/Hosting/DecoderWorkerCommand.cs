using BlendSign.Data.Dicom.Isolation;
using BlendSign.Web.Cli.Verbs;

namespace BlendSign.Web.Hosting;

/// <summary>How this binary starts itself as a decoder process: the app host, or <c>dotnet BlendSign.Web.dll</c>.</summary>
internal static class DecoderWorkerCommand
{
    public static string[] ForThisBinary()
    {
        var assembly = typeof(DecodeWorkerVerb).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return [host, assembly, DecodeWorkerVerb.VerbName];
        }

        var appHost = Path.ChangeExtension(assembly, null);
        return File.Exists(appHost) ? [appHost, DecodeWorkerVerb.VerbName] : ["dotnet", assembly, DecodeWorkerVerb.VerbName];
    }

    /// <summary>Fills <see cref="DecoderIsolationOptions.WorkerCommand"/> where configuration left it empty.</summary>
    public static IServiceCollection AddDecoderWorkerCommand(this IServiceCollection services) =>
        services.PostConfigure<DecoderIsolationOptions>(options =>
        {
            if (options.WorkerCommand.Length == 0)
            {
                options.WorkerCommand = ForThisBinary();
            }
        });
}
