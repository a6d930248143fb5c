namespace Hearth.Hardware.Platform;

/// <summary>The process environment, abstracted so tests can set traps such as <c>CUDA_VISIBLE_DEVICES=""</c>.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Read(string name);
}
