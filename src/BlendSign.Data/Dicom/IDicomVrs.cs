namespace BlendSign.Data.Dicom;

/// <summary>The data dictionary's view of a tag, for checking a file's structure before it is parsed.</summary>
internal interface IDicomVrs
{
    /// <summary>Whether <paramref name="vr"/>, as written in an explicit-VR file, fits the tag (unknown tags fit anything).</summary>
    bool Fits(ushort group, ushort element, string vr);

    /// <summary>Whether the tag is a sequence (in implicit-VR files only the dictionary says so).</summary>
    bool IsSequence(ushort group, ushort element);
}
