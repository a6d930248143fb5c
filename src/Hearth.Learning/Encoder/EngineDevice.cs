using Hearth.Hardware.Gpu;

namespace Hearth.Learning.Encoder;

/// <summary>
/// Where the engine's matrix products run: Hearth's CPU SGEMM kernel, unless an accelerator is in use
/// (<c>hearth train --device gpu</c>); then the products of at least <c>minimumProduct</c> multiply-adds go to it and
/// smaller ones, which copies would dominate, stay on the CPU. The choice holds for the code that made it and what it
/// starts (an async-local value), not for other work of the same process.
/// </summary>
public static class EngineDevice
{
    private static readonly AsyncLocal<(AcceleratorGemm Gemm, long MinimumProduct)?> Current = new();

    /// <summary>The accelerator in use here, if any (its name says which and with what).</summary>
    public static string? Name => Current.Value?.Gemm.Name;

    /// <summary>Routes this flow's products to <paramref name="gemm"/> until the result is disposed.</summary>
    public static IDisposable Use(AcceleratorGemm gemm, long minimumProduct = 1 << 20)
    {
        Current.Value = (gemm, minimumProduct);
        return new Restore();
    }

    /// <summary>Multiplies on the accelerator when one is in use and the product is large enough; false otherwise.</summary>
    internal static bool TryMultiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        if (Current.Value is not { } device || (long)m * n * k < device.MinimumProduct)
        {
            return false;
        }

        device.Gemm.Multiply(a, b, c, m, n, k);
        return true;
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
