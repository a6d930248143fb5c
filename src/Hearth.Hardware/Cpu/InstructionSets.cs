using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Hearth.Hardware.Cpu;

/// <summary>SIMD instruction sets that this .NET runtime can really use on this processor.</summary>
public static class InstructionSets
{
    public static IReadOnlyList<string> OfThisProcess()
    {
        var sets = new List<string>();
        void Add(bool supported, string name)
        {
            if (supported)
            {
                sets.Add(name);
            }
        }

        Add(Sse42.IsSupported, "SSE4.2");
        Add(Avx.IsSupported, "AVX");
        Add(Avx2.IsSupported, "AVX2");
        Add(Fma.IsSupported, "FMA");
        Add(Avx512F.IsSupported, "AVX-512F");
        Add(Avx512BW.IsSupported, "AVX-512BW");
        Add(AvxVnni.IsSupported, "AVX-VNNI");
        Add(AdvSimd.IsSupported, "NEON");
        Add(Dp.IsSupported, "DotProd");
        return sets;
    }
}
