using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Hearth.Hardware.Kernels;

/// <summary>
/// Single-precision GEMM on the CPU, <c>C = A·B</c> with row-major matrices, blocked the way
/// BLIS and OpenBLAS are (packed panels sized for L1/L2, a register-tiled micro-kernel) and
/// split over cores in a grid of blocks of C, so no two threads ever write the same part of C.
/// </summary>
public static unsafe class Sgemm
{
    private const int Kc = 256;   // depth of a packed panel: one B micro-panel (Kc × Nr) stays in L1
    private const int Mc = 144;   // rows of a packed A block (Mc × Kc), sized for L2
    private const int Nc = 1024;  // columns of a packed B panel, sized for L3

    /// <summary>Name of the micro-kernel this machine runs, for reports.</summary>
    public static string KernelName => MicroKernel.Name;

    /// <summary>Multiplies <paramref name="a"/> (m × k) by <paramref name="b"/> (k × n) into <paramref name="c"/> (m × n).</summary>
    /// <param name="threads">Worker threads; 0 means one per logical core.</param>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
        {
            throw new ArgumentException($"Buffers too small for a {m}×{k} by {k}×{n} product.");
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            c[..(m * n)].Clear();
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            Run(pa, pb, pc, m, n, k, threads <= 0 ? Environment.ProcessorCount : threads);
        }
    }

    private static void Run(float* a, float* b, float* c, int m, int n, int k, int threads)
    {
        int mr = MicroKernel.Mr, nr = MicroKernel.Nr;
        int rowStrips = (m + mr - 1) / mr, colStrips = (n + nr - 1) / nr;
        // Enough work per thread to pay for the panels each block packs again.
        var workers = Math.Clamp(Math.Min(threads, (int)Math.Min(int.MaxValue, (long)m * n * k / (64L * 64 * 64))), 1, rowStrips * colStrips);
        if (workers == 1)
        {
            Slice(a, b, c, m, n, k, 0, n);
            return;
        }

        // A grid of blocks shaped like C, so that on many cores each packs a small share of A and B.
        var gridRows = Math.Clamp((int)Math.Round(Math.Sqrt(workers * (double)m / n)), 1, Math.Min(workers, rowStrips));
        var gridCols = Math.Clamp((workers + gridRows - 1) / gridRows, 1, colStrips);
        var rowsPerBlock = (rowStrips + gridRows - 1) / gridRows * mr;
        var colsPerBlock = (colStrips + gridCols - 1) / gridCols * nr;
        var (pa, pb, pc) = ((nint)a, (nint)b, (nint)c);
        Parallel.For(0, gridRows * gridCols, new ParallelOptions { MaxDegreeOfParallelism = workers }, block =>
        {
            var row0 = block / gridCols * rowsPerBlock;
            var col0 = block % gridCols * colsPerBlock;
            var rows = Math.Min(rowsPerBlock, m - row0);
            var col1 = Math.Min(n, col0 + colsPerBlock);
            if (rows > 0 && col0 < col1)
            {
                Slice((float*)pa + ((long)row0 * k), (float*)pb, (float*)pc + ((long)row0 * n), rows, n, k, col0, col1);
            }
        });
    }

    /// <summary>
    /// Computes the columns [<paramref name="col0"/>, <paramref name="col1"/>) of the <paramref name="m"/> rows of C that <paramref name="a"/> and
    /// <paramref name="c"/> start at.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Slice(float* a, float* b, float* c, int m, int n, int k, int col0, int col1)
    {
        int mr = MicroKernel.Mr, nr = MicroKernel.Nr;
        var packA = (float*)NativeMemory.AlignedAlloc((nuint)(RoundUp(Mc, mr) * Kc * sizeof(float)), 64);
        var packB = (float*)NativeMemory.AlignedAlloc((nuint)(RoundUp(Nc, nr) * Kc * sizeof(float)), 64);
        var edge = stackalloc float[MicroKernel.Mr * MicroKernel.Nr];
        try
        {
            for (var jc = col0; jc < col1; jc += Nc)
            {
                var nc = Math.Min(Nc, col1 - jc);
                for (var pc = 0; pc < k; pc += Kc)
                {
                    var kc = Math.Min(Kc, k - pc);
                    var accumulate = pc > 0;
                    PackB(b + ((long)pc * n) + jc, n, kc, nc, nr, packB);
                    for (var ic = 0; ic < m; ic += Mc)
                    {
                        var mc = Math.Min(Mc, m - ic);
                        PackA(a + ((long)ic * k) + pc, k, mc, kc, mr, packA);
                        for (var jr = 0; jr < nc; jr += nr)
                        {
                            var cols = Math.Min(nr, nc - jr);
                            var bPanel = packB + (jr * kc);
                            for (var ir = 0; ir < mc; ir += mr)
                            {
                                var rows = Math.Min(mr, mc - ir);
                                var cTile = c + ((long)(ic + ir) * n) + jc + jr;
                                var aPanel = packA + (ir * kc);
                                if (rows == mr && cols == nr)
                                {
                                    MicroKernel.Run(aPanel, bPanel, kc, cTile, n, accumulate);
                                }
                                else
                                {
                                    MicroKernel.Run(aPanel, bPanel, kc, edge, nr, accumulate: false);
                                    MergeEdge(edge, nr, cTile, n, rows, cols, accumulate);
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(packA);
            NativeMemory.AlignedFree(packB);
        }
    }

    /// <summary>Packs an mc × kc block of A into Mr-row strips, column by column, zero-padding the last strip.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(float* a, int lda, int mc, int kc, int mr, float* dst)
    {
        for (var i = 0; i < mc; i += mr)
        {
            var rows = Math.Min(mr, mc - i);
            for (var p = 0; p < kc; p++)
            {
                var r = 0;
                for (; r < rows; r++)
                {
                    dst[r] = a[((long)(i + r) * lda) + p];
                }

                for (; r < mr; r++)
                {
                    dst[r] = 0;
                }

                dst += mr;
            }
        }
    }

    /// <summary>Packs a kc × nc panel of B into Nr-column strips, row by row, zero-padding the last strip.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB(float* b, int ldb, int kc, int nc, int nr, float* dst)
    {
        for (var j = 0; j < nc; j += nr)
        {
            var cols = Math.Min(nr, nc - j);
            for (var p = 0; p < kc; p++)
            {
                var src = b + ((long)p * ldb) + j;
                if (cols == nr)
                {
                    Buffer.MemoryCopy(src, dst, nr * sizeof(float), nr * sizeof(float));
                }
                else
                {
                    var q = 0;
                    for (; q < cols; q++)
                    {
                        dst[q] = src[q];
                    }

                    for (; q < nr; q++)
                    {
                        dst[q] = 0;
                    }
                }

                dst += nr;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MergeEdge(float* tile, int ldt, float* c, int ldc, int rows, int cols, bool accumulate)
    {
        for (var r = 0; r < rows; r++)
        {
            var src = tile + (r * ldt);
            var dst = c + ((long)r * ldc);
            for (var q = 0; q < cols; q++)
            {
                dst[q] = accumulate ? dst[q] + src[q] : src[q];
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>The register-tiled inner kernel: an Mr × Nr tile of C over a depth of kc.</summary>
    private static class MicroKernel
    {
        public static readonly bool Wide = Avx512F.IsSupported;
        public static readonly int Mr = Wide ? 12 : Fma.IsSupported ? 6 : 8;
        public static readonly int Nr = Wide ? 32 : Fma.IsSupported ? 16 : 8;
        public static readonly string Name = Wide ? "AVX-512 12×32" : Fma.IsSupported ? "AVX2+FMA 6×16" : AdvSimd.IsSupported ? "NEON 8×8"
            : "SSE 8×8";

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Run(float* a, float* b, int kc, float* c, int ldc, bool accumulate)
        {
            if (Wide)
            {
                Avx512Kernel.Run(a, b, kc, c, ldc, accumulate);
            }
            else if (Fma.IsSupported)
            {
                Avx2Kernel.Run(a, b, kc, c, ldc, accumulate);
            }
            else
            {
                PortableKernel.Run(a, b, kc, c, ldc, accumulate);
            }
        }
    }
}
