using System.Runtime.InteropServices;
using Hearth.Hardware.Ai;
using Microsoft.ML.OnnxRuntime;

namespace Hearth.Text.Embeddings;

/// <summary>ONNX Runtime session options per execution provider, and why a provider's library does not load.</summary>
internal static class ProviderOptions
{
    /// <summary>Session options for a provider in strict mode: a node it cannot run fails instead of silently running on the CPU.</summary>
    public static SessionOptions For(string provider)
    {
        var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        if (provider == ExecutionProviders.Cpu)
        {
            return options;
        }

        options.AddSessionConfigEntry("session.disable_cpu_ep_fallback", "1");
        switch (provider)
        {
            case ExecutionProviders.Cuda:
                options.AppendExecutionProvider_CUDA(0);
                break;
            case ExecutionProviders.TensorRt:
                options.AppendExecutionProvider_Tensorrt(0);
                break;
            default:
                options.AppendExecutionProvider(provider);
                break;
        }

        return options;
    }

    /// <summary>
    /// Why a provider could not start, in one line: ONNX Runtime only says "failed to load shared library"; the dynamic
    /// loader says which dependency is missing (e.g. libcublasLt.so.13), which is what the user must install.
    /// </summary>
    public static string Failure(string provider, Exception error) => FirstLine(error.Message) + LoaderReason(provider);

    /// <summary>What to do on a machine with an NVIDIA GPU when this Hearth carries no CUDA provider (the default tool).</summary>
    public const string GpuBuildMissing = "this Hearth carries no CUDA provider and an NVIDIA GPU is here: install the GPU build with "
        + "'dotnet tool uninstall -g Hearth.Cli && dotnet tool install -g Hearth.Cli.Gpu'";

    private static string LoaderReason(string provider)
    {
        var library = provider switch
        {
            ExecutionProviders.Cuda => "libonnxruntime_providers_cuda.so",
            ExecutionProviders.TensorRt => "libonnxruntime_providers_tensorrt.so",
            _ => null,
        };
        var path = library is null ? null : Path.Combine(AppContext.BaseDirectory, library);
        if (path is not null && !File.Exists(path))
        {
            return File.Exists("/proc/driver/nvidia/version") ? $" ({GpuBuildMissing})" : "";
        }

        if (path is null)
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
                .FirstOrDefault(part => part.StartsWith("lib", StringComparison.Ordinal) && part.Contains(".so", StringComparison.Ordinal)
                    && !part.Contains(library!, StringComparison.Ordinal));
            return reason is null ? "" : $" ({reason} cannot be loaded)";
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
        return line.Length > 400 ? line[..400] + "…" : line;
    }
}
