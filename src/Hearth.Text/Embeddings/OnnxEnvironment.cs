using Microsoft.ML.OnnxRuntime;

namespace Hearth.Text.Embeddings;

/// <summary>
/// The process-wide ONNX Runtime environment, created with its own logger silenced (it writes coloured errors to
/// stderr; Hearth reports failures itself), or null when the native library cannot load.
/// </summary>
internal static class OnnxEnvironment
{
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

    public static bool Loaded => Environment.Value is not null;

    /// <summary>Providers compiled into this ONNX Runtime build (listed, not necessarily usable).</summary>
    public static IReadOnlyList<string> ListedProviders() => Environment.Value?.GetAvailableProviders() ?? [];

    public static string Version() => Environment.Value?.GetVersionString() ?? "not loadable";
}
