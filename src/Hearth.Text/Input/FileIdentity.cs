using System.Runtime.InteropServices;

namespace Hearth.Text.Input;

/// <summary>
/// What a path is, from Linux's <c>statx</c> (whose layout is the same on every architecture): .NET reports FIFOs, sockets and
/// devices as ordinary files, and opening a FIFO blocks until someone writes to it. Device and inode identify a file or a
/// directory whatever the links that lead to it.
/// </summary>
internal static partial class FileIdentity
{
    public enum Kind
    {
        Missing,
        Regular,
        Directory,
        Fifo,
        Socket,
        Device,
    }

    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeAndInode = 0x1 | 0x100; // STATX_TYPE | STATX_INO

    /// <summary>The kind of file a path leads to (links followed) and its (device, inode).</summary>
    public static (Kind Kind, (uint Major, uint Minor, ulong Inode) Id) Of(string path)
    {
        var buffer = new byte[256];
        if (Statx(CurrentDirectory, path, 0, TypeAndInode, buffer) != 0)
        {
            return (Kind.Missing, default);
        }

        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        var kind = mode switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0x1000 => Kind.Fifo,
            0xC000 => Kind.Socket,
            _ => Kind.Device,
        };
        return (kind, (BitConverter.ToUInt32(buffer, 136), BitConverter.ToUInt32(buffer, 140), BitConverter.ToUInt64(buffer, 32)));
    }

    public static string Describe(Kind kind) => kind switch
    {
        Kind.Fifo => "a FIFO",
        Kind.Socket => "a socket",
        Kind.Device => "a device",
        _ => "not a regular file",
    };

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte[] buffer);
}
