namespace Hearth.Hardware.Ai;

/// <summary>The ONNX Runtime execution providers Hearth knows by name.</summary>
public static class ExecutionProviders
{
    public const string Cpu = "CPUExecutionProvider";
    public const string Cuda = "CUDAExecutionProvider";
    public const string TensorRt = "TensorrtExecutionProvider";
}
