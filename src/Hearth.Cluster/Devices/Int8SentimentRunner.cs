using System.Text.Json;
using Hearth.Cluster.Jobs;
using Hearth.Cluster.Nodes;
using Hearth.Hardware;
using Hearth.Text;
using Hearth.Text.Analysis;
using Hearth.Text.Heads;
using Hearth.Text.Sentiment;

namespace Hearth.Cluster.Devices;

/// <summary>
/// Sentiment split over two kinds of hardware: this node's CPU (or GPU) computes each document's MiniLM vector,
/// a paired microcontroller runs the quantised sentiment head on it. The board's accumulators are checked against
/// the CPU reference (integer arithmetic: they must be equal); a board that disagrees fails the shard, which is
/// retried. A node offers this kind of work only while it has a paired board carrying this very head.
/// </summary>
internal sealed class Int8SentimentRunner(TextModels models, DeviceGateway gateway) : IShardRunner, IRoleSource
{
    private readonly Lazy<Int8Head> head = new(() => models.Sentiment.ToInt8());

    public JobKind Kind => JobKind.SentimentInt8;

    public IEnumerable<JobKind> Roles => Board() is null ? [] : [JobKind.SentimentInt8];

    public (string[] Lines, int Words) Run(ShardLease lease, CancellationToken cancellationToken)
    {
        var board = Board() ?? throw new DeviceException("no paired board on this node carries the sentiment head");
        var readable = lease.Documents.Where(d => d.Text is not null).ToList();
        var vectors = readable.Count == 0 ? [] : models.Encoder.Encode([.. readable.Select(d => d.Text!)], cancellationToken);
        var lines = new List<string>();
        foreach (var document in lease.Documents)
        {
            if (document.Text is null)
            {
                lines.Add(AnalysisLine.Error(document.Id, document.Error ?? "no text"));
                continue;
            }

            var input = Int8Head.QuantizeInput(vectors[readable.IndexOf(document)]);
            var accumulators = gateway.InferAsync(board, input, cancellationToken).GetAwaiter().GetResult();
            var reference = head.Value.Accumulate(input);
            if (!accumulators.SequenceEqual(reference))
            {
                throw new DeviceException($"board {board} answered [{string.Join(", ", accumulators)}] where the CPU reference is "
                    + $"[{string.Join(", ", reference)}]");
            }

            var positive = head.Value.Probabilities(accumulators)[head.Value.Labels.ToList().IndexOf("1")];
            var sentiment = SentimentScore.From((2 * positive) - 1);
            lines.Add(JsonSerializer.Serialize(new { id = document.Id, result = new { sentiment, device = board, accumulators } },
                HearthJson.Compact));
        }

        return ([.. lines], 0);
    }

    private string? Board()
    {
        var paired = gateway.List().Where(d => d.State == "paired").ToList();
        return paired.Count == 0 ? null // the head is only computed once a board is there
            : paired.FirstOrDefault(d => d.Hello?.FirmwareHash == head.Value.Hash && d.Hello.InputSize == head.Value.Inputs)?.Name;
    }
}
