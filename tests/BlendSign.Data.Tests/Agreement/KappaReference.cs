using System.Text.Json;

namespace BlendSign.Data.Tests.Agreement;

/// <summary>TestData/kappa_reference.json: values computed by scikit-learn and statsmodels (see generate_kappa_reference.py).</summary>
public sealed record KappaReference(
    IReadOnlyList<CohenReferenceCase> Cohen,
    IReadOnlyList<FleissReferenceCase> Fleiss,
    IReadOnlyList<MatrixReferenceCase> Matrices)
{
    private static readonly Lazy<KappaReference> _loaded = new(() =>
        JsonSerializer.Deserialize<KappaReference>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "kappa_reference.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!);

    public static KappaReference Load() => _loaded.Value;

    public static TheoryData<string> CohenNames() => new(Load().Cohen.Select(c => c.Name));

    public static TheoryData<string> FleissNames() => new(Load().Fleiss.Select(c => c.Name));

    public static TheoryData<string> MatrixNames() => new(Load().Matrices.Select(c => c.Name));
}

public sealed record CohenReferenceCase(string Name, int Categories, int[] A, int[] B, double Kappa, double PercentAgreement);

public sealed record FleissReferenceCase(string Name, int[][] Table, double Kappa);

public sealed record MatrixReferenceCase(
    string Name,
    int Raters,
    int[] ScanIds,
    int[][] Labels,
    IReadOnlyDictionary<string, GroupReference> Expected);

public sealed record GroupReference(double FleissKappa, IReadOnlyList<PairReference> Pairs);

public sealed record PairReference(int[] Raters, double PercentAgreement, double CohenKappa);
