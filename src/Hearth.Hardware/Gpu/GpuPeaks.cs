namespace Hearth.Hardware.Gpu;

/// <summary>Theoretical FP32 (non-tensor) throughput and memory bandwidth of known GPUs.</summary>
/// <remarks>Source: NVIDIA and AMD data sheets (boost clocks). Matched by the longest name fragment first.</remarks>
public static class GpuPeaks
{
    private static readonly (string Fragment, double Fp32Tflops, double BandwidthGBs)[] Table =
    [
        ("H200 NVL", 60.0, 4800), ("H200", 66.9, 4800), ("H100 PCIe", 51.2, 2000), ("H100 NVL", 60.0, 3900), ("H100", 66.9, 3350),
        ("GH200", 66.9, 4000), ("B200", 80.0, 8000), ("A100-SXM4-80GB", 19.5, 2039), ("A100", 19.5, 1555),
        ("L40S", 91.6, 864), ("L40", 90.5, 864), ("L4", 30.3, 300), ("A10G", 31.2, 600), ("A10", 31.2, 600),
        ("A40", 37.4, 696), ("V100", 15.7, 900), ("T4", 8.1, 320), ("RTX 6000 Ada", 91.1, 960),
        ("RTX 5090", 104.8, 1792), ("RTX 4090", 82.6, 1008), ("RTX 4080", 48.7, 717), ("RTX 3090", 35.6, 936),
        ("RTX 3080", 29.8, 760), ("MI300X", 163.4, 5300), ("MI250X", 47.9, 3277), ("MI210", 22.6, 1638),
    ];

    /// <summary>The data-sheet figures for a GPU name, or null when the model is not in the table.</summary>
    public static (double Fp32Gflops, double BandwidthGBs, string Source)? For(string name)
    {
        foreach (var (fragment, tflops, bandwidth) in Table.OrderByDescending(t => t.Fragment.Length))
        {
            if (name.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return (tflops * 1000, bandwidth, $"data sheet ({fragment})");
            }
        }

        return null;
    }
}
