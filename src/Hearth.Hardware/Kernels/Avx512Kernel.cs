using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hearth.Hardware.Kernels;

/// <summary>12 × 32 micro-kernel: 24 zmm accumulators, two B vectors and one broadcast of A live in the 32 AVX-512 registers.</summary>
internal static unsafe class Avx512Kernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, float* b, int kc, float* c, int ldc, bool accumulate)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default,
            c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default, c80 = default,
                c81 = default, c90 = default, c91 = default, c100 = default, c101 = default, c110 = default, c111 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Avx512F.LoadVector512(b + 0);
            var b1 = Avx512F.LoadVector512(b + 16);
            var a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(a6, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(a7, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(a7, b1, c71);
            var a8 = Vector512.Create(a[8]);
            c80 = Avx512F.FusedMultiplyAdd(a8, b0, c80);
            c81 = Avx512F.FusedMultiplyAdd(a8, b1, c81);
            var a9 = Vector512.Create(a[9]);
            c90 = Avx512F.FusedMultiplyAdd(a9, b0, c90);
            c91 = Avx512F.FusedMultiplyAdd(a9, b1, c91);
            var a10 = Vector512.Create(a[10]);
            c100 = Avx512F.FusedMultiplyAdd(a10, b0, c100);
            c101 = Avx512F.FusedMultiplyAdd(a10, b1, c101);
            var a11 = Vector512.Create(a[11]);
            c110 = Avx512F.FusedMultiplyAdd(a11, b0, c110);
            c111 = Avx512F.FusedMultiplyAdd(a11, b1, c111);
            a += 12;
            b += 32;
        }

        Store(c + (0 * ldc) + 0, c00, accumulate);
        Store(c + (0 * ldc) + 16, c01, accumulate);
        Store(c + (1 * ldc) + 0, c10, accumulate);
        Store(c + (1 * ldc) + 16, c11, accumulate);
        Store(c + (2 * ldc) + 0, c20, accumulate);
        Store(c + (2 * ldc) + 16, c21, accumulate);
        Store(c + (3 * ldc) + 0, c30, accumulate);
        Store(c + (3 * ldc) + 16, c31, accumulate);
        Store(c + (4 * ldc) + 0, c40, accumulate);
        Store(c + (4 * ldc) + 16, c41, accumulate);
        Store(c + (5 * ldc) + 0, c50, accumulate);
        Store(c + (5 * ldc) + 16, c51, accumulate);
        Store(c + (6 * ldc) + 0, c60, accumulate);
        Store(c + (6 * ldc) + 16, c61, accumulate);
        Store(c + (7 * ldc) + 0, c70, accumulate);
        Store(c + (7 * ldc) + 16, c71, accumulate);
        Store(c + (8 * ldc) + 0, c80, accumulate);
        Store(c + (8 * ldc) + 16, c81, accumulate);
        Store(c + (9 * ldc) + 0, c90, accumulate);
        Store(c + (9 * ldc) + 16, c91, accumulate);
        Store(c + (10 * ldc) + 0, c100, accumulate);
        Store(c + (10 * ldc) + 16, c101, accumulate);
        Store(c + (11 * ldc) + 0, c110, accumulate);
        Store(c + (11 * ldc) + 16, c111, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> value, bool accumulate) =>
        Avx512F.Store(c, accumulate ? Avx512F.LoadVector512(c) + value : value);
}
