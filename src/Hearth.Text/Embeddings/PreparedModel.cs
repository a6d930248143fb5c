using System.Runtime;
using Hearth.Hardware.Ai;
using Microsoft.ML.OnnxRuntime;

namespace Hearth.Text.Embeddings;

/// <summary>
/// The MiniLM model prepared once for the CPU and kept in a cache folder: ONNX Runtime's own format with its graph
/// already optimised, whose weights ONNX Runtime reads in place, so loading is one file read (bench/startup: about half
/// the time of the ONNX file and 86 MB less). A cached file that does not load is made again; a folder that cannot be
/// written to is only skipped.
/// </summary>
internal static class PreparedModel
{
    /// <summary>A session on the CPU, from the cache when it holds the model, else from the ONNX bytes (and cached).</summary>
    /// <param name="buffer">The cached file's bytes, which ONNX Runtime reads from as long as the session lives; keep them.</param>
    /// <param name="name">The model's name in the cache (a different model, a different name).</param>
    public static InferenceSession Open(string folder, string name, Func<byte[]> onnx, out byte[]? buffer)
    {
        var path = Path.Combine(folder, $"{name.Replace(' ', '-')}-onnxruntime-{OnnxEnvironment.Version()}.ort");
        buffer = null;
        if (File.Exists(path))
        {
            try
            {
                return Load(path, out buffer);
            }
            catch (Exception e) when (e is OnnxRuntimeException or IOException or UnauthorizedAccessException)
            {
                buffer = null;
            }
        }

        var options = ProviderOptions.For(ExecutionProviders.Cpu);
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED; // not ALL: its layouts are CPU-specific
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var writable = TryCreate(folder);
        if (writable)
        {
            options.OptimizedModelFilePath = temporary;
            options.AddSessionConfigEntry("session.save_model_format", "ORT");
        }

        var bytes = onnx();
        // Making the model (a fine-tuned one is exported from the engine's tensors) leaves hundreds of MB of garbage:
        // given back before ONNX Runtime builds its own copies, so that the first run does not hold both at once.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var session = new InferenceSession(bytes, options);
        if (writable)
        {
            try
            {
                File.Move(temporary, path, overwrite: true); // whole or not at all, whoever else is writing it
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary);
            }
        }

        return session;
    }

    private static InferenceSession Load(string path, out byte[] buffer)
    {
        using var file = File.OpenRead(path);
        buffer = GC.AllocateUninitializedArray<byte>((int)file.Length, pinned: true); // ONNX Runtime keeps pointers into it
        file.ReadExactly(buffer);
        var options = ProviderOptions.For(ExecutionProviders.Cpu);
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL; // optimised when it was cached
        options.AddSessionConfigEntry("session.use_ort_model_bytes_directly", "1");
        options.AddSessionConfigEntry("session.use_ort_model_bytes_for_initializers", "1");
        return new InferenceSession(buffer, options);
    }

    private static bool TryCreate(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
