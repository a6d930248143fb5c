using System.Diagnostics;
using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;

namespace Hearth.Learning.Training;

/// <summary>What <c>hearth train</c> was asked.</summary>
public sealed record TrainingRequest(string Name, string Task, string Data, string? Dev, TrainingOptions Options, bool Resume);

/// <summary>
/// Where a training run is: after each batch (its loss), and once more when an epoch ends (<paramref name="EpochDone"/>:
/// the epoch's mean loss, the dev figures in a line when there is a dev file, whether this epoch was saved as the best).
/// </summary>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, double TokensPerSecond,
    bool EpochDone = false, string? Dev = null, bool Saved = false);

/// <summary>
/// A whole training run, whatever the head: one checkpoint per epoch (so a killed run loses at most one epoch and
/// <c>--resume</c> goes on), the dev figures after every epoch, the best epoch kept as the model.
/// </summary>
public static class TrainingRun
{
    /// <param name="card">The model's card, without figures yet.</param>
    /// <param name="evaluate">The card with the dev figures of the model as it is now, and them in a line; null without a dev file.</param>
    public static ModelCard Run<TTarget>(TrainingRequest request, ModelStore store, ModelCard card, BertModel model, IHead<TTarget> head,
        IReadOnlyList<(int[] Tokens, TTarget Target)> examples, Func<ModelCard, (ModelCard Card, string? Summary)>? evaluate,
        Action<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        var trainer = new Trainer(model, [new TrainingTask<TTarget>(request.Task, head, examples)], request.Options);
        var folder = Directory.CreateDirectory(store.Folder(request.Name)).FullName;
        var checkpoint = Path.Combine(folder, "checkpoint.bin");
        var best = (Score: double.NegativeInfinity, Epoch: 0);
        if (request.Resume && File.Exists(checkpoint))
        {
            trainer.RestoreCheckpoint(checkpoint);
            if (File.Exists(Path.Combine(folder, "card.json")))
            {
                var previous = store.Card(request.Name);
                best = (previous.DevScore ?? double.NegativeInfinity, previous.BestEpoch);
            }
        }

        var steps = trainer.Steps;
        while (trainer.EpochsDone < request.Options.Epochs)
        {
            var (step, tokens, clock, epoch) = (0, 0L, Stopwatch.StartNew(), trainer.EpochsDone + 1);
            var loss = trainer.Epoch((batchTokens, batchLoss) =>
            {
                (step, tokens) = (step + 1, tokens + batchTokens);
                progress(new TrainingProgress(epoch, request.Options.Epochs, step, steps, batchLoss, tokens / clock.Elapsed.TotalSeconds));
            }, cancellationToken);
            trainer.SaveCheckpoint(checkpoint);
            var rate = tokens / clock.Elapsed.TotalSeconds;
            var (scored, summary) = evaluate?.Invoke(card) ?? (card, null);
            var score = scored.DevScore ?? epoch; // without a dev file the last epoch is kept
            var saved = score > best.Score;
            if (saved)
            {
                best = (score, epoch);
                card = store.Save(scored with { BestEpoch = epoch }, model, head);
            }

            progress(new TrainingProgress(epoch, request.Options.Epochs, steps, steps, loss, rate, EpochDone: true, summary, saved));
        }

        File.Delete(checkpoint);
        return store.Card(request.Name);
    }
}
