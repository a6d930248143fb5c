using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace Hearth.Hardware.Kernels;

/// <summary>
/// 8 × 8 micro-kernel on 128-bit vectors: NEON on Arm (16 accumulators of the 32 registers, fused
/// multiply-add), SSE on x86 processors without AVX2/FMA.
/// </summary>
internal static unsafe class PortableKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, float* b, int kc, float* c, int ldc, bool accumulate)
    {
        Vector128<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector128<float> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector128.Load(b);
            var b1 = Vector128.Load(b + 4);
            c00 = Fma(c00, a[0], b0); c01 = Fma(c01, a[0], b1);
            c10 = Fma(c10, a[1], b0); c11 = Fma(c11, a[1], b1);
            c20 = Fma(c20, a[2], b0); c21 = Fma(c21, a[2], b1);
            c30 = Fma(c30, a[3], b0); c31 = Fma(c31, a[3], b1);
            c40 = Fma(c40, a[4], b0); c41 = Fma(c41, a[4], b1);
            c50 = Fma(c50, a[5], b0); c51 = Fma(c51, a[5], b1);
            c60 = Fma(c60, a[6], b0); c61 = Fma(c61, a[6], b1);
            c70 = Fma(c70, a[7], b0); c71 = Fma(c71, a[7], b1);
            a += 8;
            b += 8;
        }

        Store(c, c00, c01, accumulate);
        Store(c + ldc, c10, c11, accumulate);
        Store(c + (2 * ldc), c20, c21, accumulate);
        Store(c + (3 * ldc), c30, c31, accumulate);
        Store(c + (4 * ldc), c40, c41, accumulate);
        Store(c + (5 * ldc), c50, c51, accumulate);
        Store(c + (6 * ldc), c60, c61, accumulate);
        Store(c + (7 * ldc), c70, c71, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Fma(Vector128<float> acc, float a, Vector128<float> b) =>
        AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(acc, Vector128.Create(a), b) : acc + (Vector128.Create(a) * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector128<float> left, Vector128<float> right, bool accumulate)
    {
        if (accumulate)
        {
            left += Vector128.Load(c);
            right += Vector128.Load(c + 4);
        }

        Vector128.Store(left, c);
        Vector128.Store(right, c + 4);
    }
}
