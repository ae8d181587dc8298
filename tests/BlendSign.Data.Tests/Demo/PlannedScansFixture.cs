using BlendSign.Data.Demo;

namespace BlendSign.Data.Tests.Demo;

/// <summary>Three hundred planned phantom scans (no pixels), shared by the tests that look at many scans.</summary>
public sealed class PlannedScansFixture
{
    public const int Seed = 2023;
    public const int ScanCount = 300;

    public PlannedScansFixture()
    {
        var phantom = new HeadPhantom(Seed);
        Scans = Enumerable.Range(1, ScanCount).Select(phantom.PlanScan).ToList();
    }

    public IReadOnlyList<PhantomScan> Scans { get; }
}

/// <summary>Plans the scans once for every test class that needs them.</summary>
[CollectionDefinition(Name)]
public sealed class PlannedScansCollection : ICollectionFixture<PlannedScansFixture>
{
    public const string Name = "Planned phantom scans";
}
