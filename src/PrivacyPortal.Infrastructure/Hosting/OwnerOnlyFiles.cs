using System.Runtime.InteropServices;

namespace PrivacyPortal.Infrastructure.Hosting;

/// <summary>
/// Everything the portal writes under its data folder (database and its journal, logs, key ring, documents, letters,
/// mail pickup) holds personal data or secrets: owner-only, 0700 folders and 0600 files. The process umask is set
/// to 077 so every file is born that way, whichever library creates it (SQLite's -wal and -shm files, the key ring's
/// XML, Chromium's output); and at start-up anything in the folder that is looser, from an older version or a copy,
/// is narrowed.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void Apply(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
            return;
        }

        _ = SetUmask(Convert.ToUInt32("077", 8));
        Directory.CreateDirectory(dataDirectory, FolderMode);
        Narrow(new DirectoryInfo(dataDirectory));
    }

    /// <summary>True when the path and everything under it is owner-only.</summary>
    public static bool IsOwnerOnly(FileSystemInfo entry) => (entry.UnixFileMode & Others) == 0;

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Narrow(DirectoryInfo folder)
    {
        if (!IsOwnerOnly(folder))
        {
            folder.UnixFileMode &= ~Others;
        }

        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                // A link's own mode means nothing, and its target may be outside the folder: not ours to change.
                continue;
            }

            if (entry is DirectoryInfo child)
            {
                Narrow(child);
            }
            else if (!IsOwnerOnly(entry))
            {
                entry.UnixFileMode &= ~Others;
            }
        }
    }

    // A plain DllImport: blittable, so no marshalling code (and no unsafe blocks) is generated for it.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetUmask(uint mask);
#pragma warning restore SYSLIB1054
}
