namespace Hearth.Hardware.Nvidia;

/// <summary>Whether NVML loaded and what the driver says of itself.</summary>
/// <param name="Loaded">The library was found and <c>nvmlInit</c> succeeded.</param>
/// <param name="Error">Why not, in NVML's words, when it did not.</param>
/// <param name="DriverVersion">Driver version such as <c>580.82.07</c>.</param>
/// <param name="CudaDriverVersion">Highest CUDA version the driver supports, as NVML encodes it (13000 = 13.0).</param>
public sealed record NvmlStatus(bool Loaded, string? Error, string? DriverVersion, int? CudaDriverVersion)
{
    public string? CudaVersionText => CudaDriverVersion is { } v ? $"{v / 1000}.{v % 1000 / 10}" : null;
}
