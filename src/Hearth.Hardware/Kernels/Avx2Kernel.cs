using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hearth.Hardware.Kernels;

/// <summary>6 × 16 micro-kernel: 12 ymm accumulators, two B vectors and one broadcast of A fill the 16 AVX2 registers.</summary>
internal static unsafe class Avx2Kernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, float* b, int kc, float* c, int ldc, bool accumulate)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default,
            c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Avx.LoadVector256(b + 0);
            var b1 = Avx.LoadVector256(b + 8);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00);
            c01 = Fma.MultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(a1, b0, c10);
            c11 = Fma.MultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(a2, b0, c20);
            c21 = Fma.MultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(a3, b0, c30);
            c31 = Fma.MultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(a4, b0, c40);
            c41 = Fma.MultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(a5, b0, c50);
            c51 = Fma.MultiplyAdd(a5, b1, c51);
            a += 6;
            b += 16;
        }

        Store(c + (0 * ldc) + 0, c00, accumulate);
        Store(c + (0 * ldc) + 8, c01, accumulate);
        Store(c + (1 * ldc) + 0, c10, accumulate);
        Store(c + (1 * ldc) + 8, c11, accumulate);
        Store(c + (2 * ldc) + 0, c20, accumulate);
        Store(c + (2 * ldc) + 8, c21, accumulate);
        Store(c + (3 * ldc) + 0, c30, accumulate);
        Store(c + (3 * ldc) + 8, c31, accumulate);
        Store(c + (4 * ldc) + 0, c40, accumulate);
        Store(c + (4 * ldc) + 8, c41, accumulate);
        Store(c + (5 * ldc) + 0, c50, accumulate);
        Store(c + (5 * ldc) + 8, c51, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> value, bool accumulate) =>
        Avx.Store(c, accumulate ? Avx.LoadVector256(c) + value : value);
}
