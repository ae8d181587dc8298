using BlendSign.Data.Gold;

namespace BlendSign.Data.Export.Sr;

// TID 1500 (Imaging Measurement Report): a TID 1501 group per labelled slice, a TID 1410 planar ROI (a closed POLYLINE in
// the slice's pixel space) per consensus box. Patient and study attributes are left empty (type 2): BlendSign holds no
// patient data; the Study Instance UID ties the report to the scan's study. All text is ASCII, so no Specific Character Set.
public static class MeasurementReport
{
    public const string EnhancedSrStorage = "1.2.840.10008.5.1.4.1.1.88.22";

    public static DicomDataset Build(SrScan scan, SrUids uids, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var slices = scan.Slices.OrderBy(s => s.SliceIndex).ToList();
        var images = slices.ToDictionary(s => s.SopInstanceUid, s => new SrImage(scan.SopClassUid, s.SopInstanceUid), StringComparer.Ordinal);
        var measurements = new List<DicomDataset>();
        foreach (var slice in slices)
        {
            if (slice.Decision.Label is not { } label)
            {
                continue;
            }

            var image = images[slice.SopInstanceUid];
            measurements.Add(SrContent.Container(SrContent.Contains, SrCodes.MeasurementGroup,
            [
                SrContent.TextItem(SrContent.HasObservationContext, SrCodes.TrackingIdentifier, $"{scan.PseudonymousId} slice {slice.SliceIndex}"),
                SrContent.UidItem(SrContent.HasObservationContext, SrCodes.TrackingUid, uids.Next()),
                SrContent.CodeItem(SrContent.Contains, SrCodes.Finding, SrCodes.Of(label)),
                SrContent.Image(SrContent.Contains, image, SrCodes.SourceOfMeasurement),
            ]));
            for (var b = 0; b < slice.Boxes.Count; b++)
            {
                var box = slice.Boxes[b];
                measurements.Add(SrContent.Container(SrContent.Contains, SrCodes.MeasurementGroup,
                [
                    SrContent.TextItem(SrContent.HasObservationContext, SrCodes.TrackingIdentifier,
                        $"{scan.PseudonymousId} slice {slice.SliceIndex} box {b + 1} (drawn by {box.Support} raters)"),
                    SrContent.UidItem(SrContent.HasObservationContext, SrCodes.TrackingUid, uids.Next()),
                    SrContent.CodeItem(SrContent.Contains, SrCodes.Finding, SrCodes.Of(label)),
                    SrContent.Region(SrCodes.ImageRegion, "POLYLINE", Rectangle(box), image),
                ]));
            }
        }

        var root = new DicomDataset()
            .Text(0x0040, 0xA040, "CS", "CONTAINER")
            .Sequence(0x0040, 0xA043, SrContent.Code(SrCodes.ImagingMeasurementReport))
            .Text(0x0040, 0xA050, "CS", "SEPARATE")
            .Sequence(0x0040, 0xA504, new DicomDataset().Text(0x0008, 0x0105, "CS", "DCMR").Text(0x0040, 0xDB00, "CS", "1500"))
            .Sequence(0x0040, 0xA730,
            [
                SrContent.CodeItem(SrContent.HasConceptModifier, SrCodes.LanguageOfContent, SrCodes.EnglishUs),
                SrContent.CodeItem(SrContent.HasObservationContext, SrCodes.ObserverType, SrCodes.Device),
                SrContent.UidItem(SrContent.HasObservationContext, SrCodes.DeviceObserverUid, DicomPart10Writer.ImplementationClassUid),
                SrContent.TextItem(SrContent.HasObservationContext, SrCodes.DeviceObserverName, "BlendSign gold standard"),
                SrContent.CodeItem(SrContent.HasConceptModifier, SrCodes.ProcedureReported, SrCodes.CtOfHead),
                SrContent.Container(SrContent.Contains, SrCodes.ImageLibrary,
                [
                    SrContent.Container(SrContent.Contains, SrCodes.ImageLibraryGroup,
                        slices.Select(s => SrContent.Image(SrContent.Contains, images[s.SopInstanceUid]))),
                ]),
                SrContent.Container(SrContent.Contains, SrCodes.ImagingMeasurements, measurements),
            ]);
        return Document(root, scan, [.. slices.Select(s => images[s.SopInstanceUid])], uids, now);
    }

    /// <summary>The box's corners clockwise from the top left, closed: column\row pairs.</summary>
    private static float[] Rectangle(ConsensusBox box) =>
    [
        (float)box.Left, (float)box.Top, (float)box.Right, (float)box.Top, (float)box.Right, (float)box.Bottom,
        (float)box.Left, (float)box.Bottom, (float)box.Left, (float)box.Top,
    ];

    private static DicomDataset Document(DicomDataset root, SrScan scan, IReadOnlyList<SrImage> images, SrUids uids, DateTimeOffset now)
    {
        var evidence = new DicomDataset()
            .Text(0x0020, 0x000D, "UI", scan.StudyInstanceUid)
            .Sequence(0x0008, 0x1115, new DicomDataset()
                .Text(0x0020, 0x000E, "UI", scan.SeriesInstanceUid)
                .Sequence(0x0008, 0x1199, images.Select(SrContent.Reference)));
        var document = root
            .Date(0x0008, 0x0012, now).Time(0x0008, 0x0013, now)
            .Text(0x0008, 0x0016, "UI", EnhancedSrStorage)
            .Text(0x0008, 0x0018, "UI", uids.Instance)
            .Text(0x0008, 0x0020, "DA", "").Text(0x0008, 0x0030, "TM", "")
            .Date(0x0008, 0x0023, now).Time(0x0008, 0x0033, now)
            .Text(0x0008, 0x0050, "SH", "")
            .Text(0x0008, 0x0060, "CS", "SR")
            .Text(0x0008, 0x0070, "LO", "BlendSign")
            .Text(0x0008, 0x0090, "PN", "")
            .Text(0x0008, 0x103E, "LO", $"BlendSign gold standard of {scan.PseudonymousId}")
            .Sequence(0x0008, 0x1111)
            .Text(0x0010, 0x0010, "PN", "").Text(0x0010, 0x0020, "LO", "").Text(0x0010, 0x0030, "DA", "").Text(0x0010, 0x0040, "CS", "")
            .Text(0x0020, 0x000D, "UI", scan.StudyInstanceUid)
            .Text(0x0020, 0x000E, "UI", uids.Series)
            .Text(0x0020, 0x0010, "SH", "")
            .Text(0x0020, 0x0011, "IS", "9001")
            .Text(0x0020, 0x0013, "IS", "1")
            .Sequence(0x0040, 0xA372)
            .Sequence(0x0040, 0xA375, evidence)
            .Text(0x0040, 0xA491, "CS", "COMPLETE")
            .Text(0x0040, 0xA493, "CS", "UNVERIFIED");
        return document;
    }
}

public sealed class SrUids(string series, string instance, Func<string> next)
{
    public string Series { get; } = series;
    public string Instance { get; } = instance;

    public string Next() => next();
}

public sealed record SrScan(string PseudonymousId, string StudyInstanceUid, string SeriesInstanceUid, string SopClassUid, IReadOnlyList<SliceGold> Slices);
