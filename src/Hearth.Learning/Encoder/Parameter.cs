namespace Hearth.Learning.Encoder;

/// <summary>One weight tensor and the gradient the backward pass accumulates into it.</summary>
public sealed class Parameter(string name, float[] value, bool decays)
{
    public string Name { get; } = name;

    public float[] Value { get; } = value;

    public float[] Grad { get; } = new float[value.Length];

    /// <summary>Whether AdamW's weight decay applies (matrices; not biases or layer-norm gains).</summary>
    public bool Decays { get; } = decays;

    /// <summary>Frozen parameters get no gradient and are never updated.</summary>
    public bool Trainable { get; set; } = true;

    /// <summary>A frozen matrix with low-rank adapters: its gradient is computed for them, and it is never updated itself.</summary>
    public bool Adapted { get; set; }

    /// <summary>Whether the backward pass computes this parameter's gradient.</summary>
    public bool WantsGradient => Trainable || Adapted;
}
