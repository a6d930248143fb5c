namespace Hearth.Hardware.Doctor;

/// <summary>Exit codes shared by every <c>hearth</c> command (docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A device is present but not working, or a GPU was expected and none works.</summary>
    public const int DeviceNotWorking = 1;

    /// <summary>Bad usage or an internal error.</summary>
    public const int UsageOrInternal = 2;
}
