using System.Diagnostics;
using Hearth.Hardware.Gpu;

namespace Hearth.Hardware.Tests.Gpu;

/// <summary>cuBLAS is bound at run time: stand-in libraries built here with the C compiler test.sh installs.</summary>
public sealed class CublasLoadingTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hearth-fake-cublas-").FullName;

    [Fact]
    public void A_cublas_whose_create_fails_is_skipped_for_the_next_one_and_the_reason_kept()
    {
        // CUDA 13's cuBLAS on a driver older than 580: cublasCreate answers CUBLAS_STATUS_NOT_INITIALIZED (1).
        var broken = Build("libcublas.so.13", createStatus: 1);
        var working = Build("libcublas.so.12", createStatus: 0);

        using var cublas = Cublas.TryLoad([broken, working], out var error);
        var none = Cublas.TryLoad([broken], out var only);

        Assert.NotNull(cublas);
        Assert.Equal(working, cublas.LibraryName);
        Assert.Null(error);
        Assert.Null(none);
        Assert.Equal("libcublas.so.13: cublasCreate failed with status 1.", only);
    }

    private string Build(string name, int createStatus)
    {
        var source = Path.Combine(directory, name + ".c");
        File.WriteAllText(source, $$"""
            int cublasCreate_v2(void **handle) { static int h; *handle = &h; return {{createStatus}}; }
            int cublasDestroy_v2(void *handle) { return 0; }
            int cublasSgemm_v2(void) { return 0; }
            """);
        var library = Path.Combine(directory, name);
        using var compiler = Process.Start(new ProcessStartInfo("cc", ["-shared", "-fPIC", "-o", library, source]) { RedirectStandardError = true })!;
        var errors = compiler.StandardError.ReadToEnd();
        compiler.WaitForExit();
        Assert.True(compiler.ExitCode == 0, errors);
        return library;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
