// Compiled by MSBuild's RoslynCodeTaskFactory (see LibTorchSharpGlibcxxFix.targets); not part of any project.
// Kept to netstandard2.0 APIs, which is what the inline task compiler references.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class BlendSignWeakenGlibcxxNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required]
    public string Library { get; set; }

    [Required]
    public string SystemLibStdCxx { get; set; }

    [Required]
    public string VersionName { get; set; }

    public override bool Execute()
    {
        if (!File.Exists(SystemLibStdCxx))
        {
            Log.LogMessage(MessageImportance.Low, "No {0}; leaving {1} as it is.", SystemLibStdCxx, Library);
            return true;
        }

        if (IndexOf(File.ReadAllBytes(SystemLibStdCxx), Encoding.ASCII.GetBytes(VersionName + "\0")) >= 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0} provides {1}; nothing to patch.", SystemLibStdCxx, VersionName);
            return true;
        }

        var elf = File.ReadAllBytes(Library);
        string problem;
        var flagsOffset = FindVernauxFlags(elf, VersionName, out problem);
        if (flagsOffset < 0)
        {
            if (problem != null)
            {
                Log.LogError("{0}: {1}", Library, problem);
                return false;
            }

            Log.LogMessage(MessageImportance.Normal, "{0} does not ask for {1}; nothing to patch.", Library, VersionName);
            return true;
        }

        var flags = BitConverter.ToUInt16(elf, flagsOffset);
        if ((flags & VerFlagWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: {1} is already weak.", Library, VersionName);
            return true;
        }

        // Write a patched copy beside it and rename it over the original: the original may be a hard link into
        // the NuGet cache, which must stay untouched. The timestamp is kept so incremental copies skip the file.
        var lastWrite = File.GetLastWriteTimeUtc(Library);
        var temporary = Library + ".blendsign-tmp";
        File.Copy(Library, temporary, true);
        var patched = BitConverter.GetBytes((ushort)(flags | VerFlagWeak));
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
        {
            stream.Position = flagsOffset;
            stream.Write(patched, 0, patched.Length);
        }

        File.SetLastWriteTimeUtc(temporary, lastWrite);
        File.Delete(Library);
        File.Move(temporary, Library);
        Log.LogMessage(MessageImportance.High, "Marked the {0} version need weak in {1} (the system libstdc++ lacks it).", VersionName, Library);
        return true;
    }

    /// <summary>The file offset of vna_flags of the Elf64_Vernaux named <paramref name="name"/>, or -1.</summary>
    private static int FindVernauxFlags(byte[] elf, string name, out string problem)
    {
        problem = null;
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            problem = "not an ELF file";
            return -1;
        }

        if (elf[4] != 2 || elf[5] != 1 || !BitConverter.IsLittleEndian)
        {
            problem = "not a little-endian 64-bit ELF file";
            return -1;
        }

        var sectionTable = checked((int)BitConverter.ToUInt64(elf, 0x28));
        int entrySize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        var wanted = Encoding.ASCII.GetBytes(name);
        for (var s = 0; s < sectionCount; s++)
        {
            var header = sectionTable + s * entrySize;
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = checked((int)BitConverter.ToUInt64(elf, header + 24));
            var linkedStrings = sectionTable + (int)BitConverter.ToUInt32(elf, header + 40) * entrySize;
            var strings = checked((int)BitConverter.ToUInt64(elf, linkedStrings + 24));
            var needCount = BitConverter.ToUInt32(elf, header + 44);

            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, need + 2);
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);

                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                for (var a = 0; a < auxCount; a++)
                {
                    var nameAt = strings + (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (NameEquals(elf, nameAt, wanted))
                    {
                        return aux + 4;
                    }

                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }

                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
        }

        return -1;
    }

    private static bool NameEquals(byte[] elf, int at, byte[] wanted)
    {
        if (at + wanted.Length >= elf.Length)
        {
            return false;
        }

        for (var i = 0; i < wanted.Length; i++)
        {
            if (elf[at + i] != wanted[i])
            {
                return false;
            }
        }

        return elf[at + wanted.Length] == 0;
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
