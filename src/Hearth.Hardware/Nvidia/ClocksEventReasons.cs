namespace Hearth.Hardware.Nvidia;

/// <summary>Decodes NVML's clocks-event (formerly "throttle") reason bits into words.</summary>
public static class ClocksEventReasons
{
    private static readonly (ulong Bit, string Text)[] Reasons =
    [
        (0x1, "idle"),
        (0x2, "application clock setting"),
        (0x4, "software power cap"),
        (0x8, "hardware slowdown"),
        (0x10, "sync boost"),
        (0x20, "software thermal slowdown"),
        (0x40, "hardware thermal slowdown"),
        (0x80, "power brake"),
        (0x100, "display clock setting"),
    ];

    /// <summary>Reasons that cost performance (idle and settings are not).</summary>
    public const ulong Throttling = 0x4 | 0x8 | 0x20 | 0x40 | 0x80;

    public static IReadOnlyList<string> Describe(ulong reasons) =>
        [.. Reasons.Where(r => (reasons & r.Bit) != 0).Select(r => r.Text)];
}
