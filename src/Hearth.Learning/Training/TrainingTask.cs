using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;

namespace Hearth.Learning.Training;

/// <summary>
/// One task of a training run: a head and its examples. A run trains one task, or several on one shared encoder
/// (multi-task: one encoder pass then serves every task).
/// </summary>
public abstract class TrainingTask
{
    /// <summary>The task's name (a prefix of its head's parameters when several heads share an encoder).</summary>
    public abstract string Name { get; }

    public abstract IHead Head { get; }

    public abstract int Count { get; }

    internal abstract int[] Tokens(int example);

    /// <summary>The batch's mean loss for the examples at these indices; accumulates the head's gradients.</summary>
    internal abstract (double Loss, float[] DOutput) Backward(BertPass pass, IReadOnlyList<int> batch, int hidden);
}

/// <summary>A task whose examples have targets of type <typeparamref name="TTarget"/>.</summary>
public sealed class TrainingTask<TTarget>(string name, IHead<TTarget> head, IReadOnlyList<(int[] Tokens, TTarget Target)> examples)
    : TrainingTask
{
    public override string Name => name;

    public override IHead Head => head;

    public override int Count => examples.Count;

    internal override int[] Tokens(int example) => examples[example].Tokens;

    internal override (double Loss, float[] DOutput) Backward(BertPass pass, IReadOnlyList<int> batch, int hidden) =>
        head.Backward(pass, [.. batch.Select(i => examples[i].Target)], hidden);
}
