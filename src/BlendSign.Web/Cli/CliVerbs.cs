using BlendSign.Web.Features.Admin;
using BlendSign.Web.Features.Admin.Backup;
using BlendSign.Web.Features.Agreement;
using BlendSign.Web.Features.Demo;
using BlendSign.Web.Features.Gold;
using BlendSign.Web.Features.Import;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Features.Review;
using BlendSign.Web.Features.Training;

namespace BlendSign.Web.Cli;

/// <summary>Every verb the binary knows; add a verb here and in its own file in its feature's folder (Features/).</summary>
public static class CliVerbs
{
    public static IReadOnlyList<ICliVerb> Create() =>
    [
        new UsersVerb(),
        new AgreementVerb(),
        new LabelsVerb(),
        new BoxesVerb(),
        new GoldVerb(),
        new TrainVerb(),
        new WorkerVerb(),
        new ReviewVerb(),
        new BenchVerb(),
        new ImportVerb(),
        new ExportSliceVerb(),
        new DemoVerb(),
        new BackupVerb(),
        new RestoreVerb(),
        new DecodeWorkerVerb(),
        new CpuCheckVerb(),
    ];

    public static IReadOnlySet<string> Names { get; } = Create().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
}
