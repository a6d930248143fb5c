using Hearth.Hardware.Kernels;

namespace Hearth.Hardware.Tests.Kernels;

public sealed class SgemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 7, 7, 7 },
        { 63, 63, 63 },
        { 1000, 1000, 1000 },
        { 13, 1000, 37 },      // tall k, edge tiles in both directions
        { 300, 5, 1100 },      // n past one packed B panel, m past one packed A block
        { 1, 257, 300 },       // a single row; k just past one panel depth
        { 250, 1, 3 },         // a single column
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Product_matches_a_double_precision_reference_on_every_entry(int m, int k, int n)
    {
        var a = GemmCheck.Random(m * k, 1);
        var b = GemmCheck.Random(k * n, 2);
        var c = new float[m * n];

        Sgemm.Multiply(a, b, c, m, n, k);

        Assert.True(GemmCheck.MaxRelativeError(a, b, c, m, n, k, samples: m * n) < 1e-5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void Any_number_of_threads_gives_the_same_result(int threads)
    {
        const int M = 301, N = 200, K = 150; // a grid of blocks with ragged edges
        var a = GemmCheck.Random(M * K, 3);
        var b = GemmCheck.Random(K * N, 4);
        var single = new float[M * N];
        var parallel = new float[M * N];

        Sgemm.Multiply(a, b, single, M, N, K, threads: 1);
        Sgemm.Multiply(a, b, parallel, M, N, K, threads);

        Assert.Equal(single, parallel);
    }

    [Fact]
    public void Old_contents_of_the_output_are_overwritten_not_accumulated()
    {
        var a = GemmCheck.Random(40 * 30, 5);
        var b = GemmCheck.Random(30 * 50, 6);
        var c = Enumerable.Repeat(1e6f, 40 * 50).ToArray();

        Sgemm.Multiply(a, b, c, 40, 50, 30);

        Assert.True(GemmCheck.MaxRelativeError(a, b, c, 40, 50, 30, samples: 2000) < 1e-5);
    }

    [Fact]
    public void A_zero_depth_product_is_all_zeros()
    {
        var c = Enumerable.Repeat(5f, 6).ToArray();

        Sgemm.Multiply([], [], c, 2, 3, 0);

        Assert.All(c, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Buffers_too_small_for_the_shape_are_rejected_with_the_shape_in_the_message()
    {
        var error = Assert.Throws<ArgumentException>(() => Sgemm.Multiply(new float[5], new float[6], new float[6], 2, 3, 3));

        Assert.Contains("2×3 by 3×3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_check_catches_a_wrong_product()
    {
        var a = GemmCheck.Random(64 * 64, 1);
        var b = GemmCheck.Random(64 * 64, 2);
        var c = new float[64 * 64];
        Sgemm.Multiply(a, b, c, 64, 64, 64);
        c[100] += 0.5f;

        Assert.True(GemmCheck.MaxRelativeError(a, b, c, 64, 64, 64, samples: 64 * 64) > GemmMeasurement.ToleranceFor(64));
    }

    [Fact]
    public void A_kernel_that_drops_one_term_in_4096_fails_while_plain_fp32_passes()
    {
        const int M = 16, N = 16, K = 4096;
        var a = GemmCheck.Random(M * K, 1);
        var b = GemmCheck.Random(K * N, 2);
        var (dropping, fp32) = (new float[M * N], new float[M * N]);
        for (var i = 0; i < M; i++)
        {
            for (var j = 0; j < N; j++)
            {
                float all = 0, allButOne = 0;
                for (var p = 0; p < K; p++)
                {
                    var term = a[(i * K) + p] * b[(p * N) + j];
                    all += term; // sequential FP32 sums: the least accurate order a kernel uses
                    allButOne += p == K / 2 ? 0 : term;
                }

                (fp32[(i * N) + j], dropping[(i * N) + j]) = (all, allButOne);
            }
        }

        var tolerance = GemmMeasurement.ToleranceFor(K);
        Assert.True(GemmCheck.MaxRelativeError(a, b, fp32, M, N, K, samples: M * N) < tolerance);
        Assert.True(GemmCheck.MaxRelativeError(a, b, dropping, M, N, K, samples: M * N) > tolerance);
    }
}
