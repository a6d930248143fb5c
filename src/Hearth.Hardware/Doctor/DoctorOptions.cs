namespace Hearth.Hardware.Doctor;

/// <summary>How hard the doctor works.</summary>
/// <param name="CpuGemmSize">N of the CPU proof product.</param>
/// <param name="GpuGemmSize">N of the GPU proof product.</param>
/// <param name="GpuProofSeconds">How long the GPU proof keeps the GPU busy, so NVML (which samples every 1/6 s to 1 s) sees it.</param>
/// <param name="MeasureClock">Measure the real core clock (VMs list only a nominal one).</param>
/// <param name="RunAi">Run the ONNX model check.</param>
public sealed record DoctorOptions(
    int CpuGemmSize = 1024,
    int GpuGemmSize = 4096,
    double GpuProofSeconds = 1.5,
    bool MeasureClock = true,
    bool RunAi = true);
