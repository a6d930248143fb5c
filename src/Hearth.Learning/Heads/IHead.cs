using Hearth.Learning.Encoder;

namespace Hearth.Learning.Heads;

/// <summary>What reads the encoder's last hidden state for a task: its weights.</summary>
public interface IHead
{
    IEnumerable<Parameter> Parameters { get; }
}

/// <summary>A head, and how it learns from a target of type <typeparamref name="TTarget"/>.</summary>
public interface IHead<in TTarget> : IHead
{
    /// <summary>The batch's mean loss; accumulates the head's gradients and returns the gradient of the encoder's output.</summary>
    (double Loss, float[] DOutput) Backward(BertPass pass, IReadOnlyList<TTarget> targets, int hidden);
}
