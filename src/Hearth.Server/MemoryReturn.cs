using System.Runtime.InteropServices;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Server;

/// <summary>
/// Gives memory back once the last running analysis ends. Big analyses leave freed native memory (ONNX Runtime's tensors)
/// inside glibc's heaps, which glibc keeps for later instead of returning it: a burst of five 160,000-character analyses
/// left the node ~200 MB above its idle level for good. A full garbage collection and <c>malloc_trim</c> bring it back.
/// </summary>
internal sealed partial class MemoryReturn(RequestDelegate next)
{
    private static int running;
    private static int trimming;

    public async Task InvokeAsync(HttpContext context)
    {
        var analysis = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == HearthServer.AnalysisPolicy;
        if (!analysis)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref running);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Decrement(ref running) == 0 && Interlocked.Exchange(ref trimming, 1) == 0)
            {
                _ = Task.Run(Trim);
            }
        }
    }

    private static void Trim()
    {
        try
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            if (OperatingSystem.IsLinux())
            {
                _ = MallocTrim(0);
            }
        }
        catch (EntryPointNotFoundException)
        {
            // a C library without malloc_trim (musl): the collection alone
        }
        finally
        {
            Volatile.Write(ref trimming, 0);
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
