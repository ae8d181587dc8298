using System.Collections.Concurrent;

namespace BlendSign.Data.Dicom;

// GDCM's own notion of compatible VRs (the one its assertions check), cached per tag.
internal sealed class GdcmDictionaryVrs : IDicomVrs
{
    private readonly ConcurrentDictionary<(uint Tag, string Vr), bool> _fits = new();
    private readonly ConcurrentDictionary<uint, bool> _sequences = new();

    public bool Fits(ushort group, ushort element, string vr) =>
        _fits.GetOrAdd((Key(group, element), vr), static key =>
        {
            using var tag = new gdcm.Tag((ushort)(key.Tag >> 16), (ushort)key.Tag);
            using var entry = gdcm.Global.GetInstance().GetDicts().GetDictEntry(tag);
            using var dictionaryVr = entry.GetVR();
            using var fileVr = new gdcm.VR(gdcm.VR.GetVRType(key.Vr));
            return dictionaryVr.GetVRField() == gdcm.VR.VRType.INVALID || dictionaryVr.Compatible(fileVr);
        });

    public bool IsSequence(ushort group, ushort element) =>
        _sequences.GetOrAdd(Key(group, element), static key =>
        {
            using var tag = new gdcm.Tag((ushort)(key >> 16), (ushort)key);
            using var entry = gdcm.Global.GetInstance().GetDicts().GetDictEntry(tag);
            using var vr = entry.GetVR();
            return vr.GetVRField() == gdcm.VR.VRType.SQ;
        });

    private static uint Key(ushort group, ushort element) => (uint)group << 16 | element;
}
