using System.Runtime.Intrinsics;

namespace Hearth.Hardware.Kernels;

/// <summary>4 × 8 micro-kernel for processors without AVX2/FMA (and Arm), on portable vectors.</summary>
internal static unsafe class PortableKernel
{
    public static void Run(float* a, float* b, int kc, float* c, int ldc, bool accumulate)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            c0 += Vector256.Create(a[0]) * b0;
            c1 += Vector256.Create(a[1]) * b0;
            c2 += Vector256.Create(a[2]) * b0;
            c3 += Vector256.Create(a[3]) * b0;
            a += 4;
            b += 8;
        }

        Store(c, c0, accumulate);
        Store(c + ldc, c1, accumulate);
        Store(c + (2 * ldc), c2, accumulate);
        Store(c + (3 * ldc), c3, accumulate);
    }

    private static void Store(float* c, Vector256<float> value, bool accumulate) =>
        Vector256.Store(accumulate ? Vector256.Load(c) + value : value, c);
}
