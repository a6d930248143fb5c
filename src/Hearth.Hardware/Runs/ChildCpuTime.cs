using System.Runtime.InteropServices;

namespace Hearth.Hardware.Runs;

/// <summary>
/// CPU time of this process's reaped children and their reaped descendants (<c>getrusage(RUSAGE_CHILDREN)</c>):
/// exact, including processes too short-lived for any 1 s sample to see.
/// </summary>
public static partial class ChildCpuTime
{
    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public TimeVal User;
        public TimeVal System;
        public unsafe fixed long Rest[14];
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>User + system seconds, or null where getrusage is not available.</summary>
    public static double? Seconds()
    {
        try
        {
            return GetRusage(RusageChildren, out var usage) == 0
                ? usage.User.Seconds + (usage.User.Microseconds / 1e6) + usage.System.Seconds + (usage.System.Microseconds / 1e6)
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
