using ILGPU;
using ILGPU.Runtime;

namespace Hearth.Hardware.Gpu;

/// <summary>ILGPU kernels used to prove that an accelerator computes: a tiled SGEMM and the STREAM triad.</summary>
internal static class GemmKernels
{
    public const int Tile = 16;

    /// <summary>C (m × n) = A (m × k) · B (k × n), row-major; one thread per element of C, tiles staged in shared memory.</summary>
    public static void TiledSgemm(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, int m, int n, int k)
    {
        var row = (Grid.IdxY * Tile) + Group.IdxY;
        var col = (Grid.IdxX * Tile) + Group.IdxX;
        var aTile = SharedMemory.Allocate<float>(Tile * Tile);
        var bTile = SharedMemory.Allocate<float>(Tile * Tile);
        var sum = 0f;
        for (var t = 0; t < k; t += Tile)
        {
            var ak = t + Group.IdxX;
            var bk = t + Group.IdxY;
            aTile[(Group.IdxY * Tile) + Group.IdxX] = row < m && ak < k ? a[((long)row * k) + ak] : 0f;
            bTile[(Group.IdxY * Tile) + Group.IdxX] = bk < k && col < n ? b[((long)bk * n) + col] : 0f;
            Group.Barrier();
            for (var i = 0; i < Tile; i++)
            {
                sum += aTile[(Group.IdxY * Tile) + i] * bTile[(i * Tile) + Group.IdxX];
            }

            Group.Barrier();
        }

        if (row < m && col < n)
        {
            c[((long)row * n) + col] = sum;
        }
    }

    /// <summary>STREAM triad: a[i] = b[i] + s · c[i].</summary>
    public static void Triad(Index1D i, ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, float s) =>
        a[i] = b[i] + (s * c[i]);

    public static KernelConfig GemmConfig(int m, int n) =>
        new(new Index2D((n + Tile - 1) / Tile, (m + Tile - 1) / Tile), new Index2D(Tile, Tile));
}
