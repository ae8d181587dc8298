namespace BlendSign.Web.Cli;

/// <summary>Every verb the binary knows; add a verb here and in its own file under Verbs/.</summary>
public static class CliVerbs
{
    public static IReadOnlyList<ICliVerb> Create() =>
    [
        new Verbs.UsersVerb(),
        new Verbs.AgreementVerb(),
        new Verbs.LabelsVerb(),
        new Verbs.BoxesVerb(),
        new Verbs.GoldVerb(),
        new Verbs.TrainVerb(),
        new Verbs.WorkerVerb(),
        new Verbs.ReviewVerb(),
        new Verbs.BenchVerb(),
        new Verbs.ImportVerb(),
        new Verbs.ExportSliceVerb(),
        new Verbs.DemoVerb(),
        new Verbs.BackupVerb(),
        new Verbs.RestoreVerb(),
        new Verbs.DecodeWorkerVerb(),
        new Verbs.CpuCheckVerb(),
    ];

    public static IReadOnlySet<string> Names { get; } = Create().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
}
