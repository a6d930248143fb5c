using System.Runtime.Intrinsics.X86;
using Hearth.Hardware.Kernels;

namespace Hearth.Hardware.Tests.Kernels;

/// <summary>
/// Every micro-kernel this processor can run, called directly on packed panels, so the AVX2 and portable paths are checked even where AVX-512 is
/// picked.
/// </summary>
public sealed unsafe class MicroKernelTests
{
    private delegate void Kernel(float* a, float* b, int kc, float* c, int ldc, bool accumulate);

    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string> { "portable" };
        if (Fma.IsSupported)
        {
            data.Add("avx2");
        }

        if (Avx512F.IsSupported)
        {
            data.Add("avx512");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Tile_equals_the_product_of_its_packed_panels_and_accumulates_when_asked(string name)
    {
        var (kernel, mr, nr) = Pick(name);
        const int Kc = 37;
        var a = GemmCheck.Random(mr * Kc, 1); // packed: column p holds a[p*mr .. p*mr+mr)
        var b = GemmCheck.Random(Kc * nr, 2); // packed: row p holds b[p*nr .. p*nr+nr)
        const int Ldc = 40;
        var c = new float[mr * Ldc];
        fixed (float* pa = a, pb = b, pc = c)
        {
            kernel(pa, pb, Kc, pc, Ldc, false);
            kernel(pa, pb, Kc, pc, Ldc, true); // C += A·B again: 2·A·B
        }

        for (var i = 0; i < mr; i++)
        {
            for (var j = 0; j < nr; j++)
            {
                double expected = 0;
                for (var p = 0; p < Kc; p++)
                {
                    expected += 2.0 * a[(p * mr) + i] * b[(p * nr) + j];
                }

                Assert.Equal(expected, c[(i * Ldc) + j], 3);
            }
        }
    }

    private static (Kernel Kernel, int Mr, int Nr) Pick(string name) => name switch
    {
        "avx512" => (Avx512Kernel.Run, 12, 32),
        "avx2" => (Avx2Kernel.Run, 6, 16),
        _ => (PortableKernel.Run, 8, 8),
    };
}
