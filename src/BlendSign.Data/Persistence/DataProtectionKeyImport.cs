using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Persistence;

// Sign-in keys used to live as XML files in {DataDirectory}/keys. A database without keys takes the folder's, once, so
// that sign-ins made before the upgrade stay valid.
public static class DataProtectionKeyImport
{
    public static async Task<int> ImportFromFolderAsync(BlendSignDbContext db, string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var files = Directory.GetFiles(folder, "*.xml");
        foreach (var file in files)
        {
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                // The file system repository names files key-{id}.xml; the EF repository's friendly name is the same stem.
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return files.Length;
    }
}
