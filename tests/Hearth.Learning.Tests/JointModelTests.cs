using Hearth.Hardware.Ai;
using Hearth.Learning.Serving;
using Hearth.Text.Segmentation;

namespace Hearth.Learning.Tests;

/// <summary>The shipped joint model (src/Hearth.Learning/Models/joint), through ONNX Runtime as Hearth serves it.</summary>
public sealed class JointModelTests
{
    private static readonly Lazy<JointModel> Shipped = new(() => JointModel.Load(JointModel.ShippedFolder, ExecutionProviders.Cpu));

    [Fact]
    public void One_pass_gives_names_parts_of_speech_lemmas_sentiment_and_emotions()
    {
        var sentences = Segmenter.Sentences("Barack Obama visited Paris with Angela Merkel. I love this dress, it fits perfectly! "
            + "The fabric is cheap and it ripped after one wash.");

        var analysed = Shipped.Value.Analyze(sentences);

        Assert.Equal([("PERSON", "Barack Obama"), ("LOCATION", "Paris"), ("PERSON", "Angela Merkel")],
            analysed[0].Entities.Select(e => (e.Type, e.Text)));
        var visited = analysed[0].Words.Single(w => w.Token.Text == "visited");
        Assert.Equal(("VERB", "visit"), (visited.Tag, visited.Lemma));
        Assert.Equal("PROPN", analysed[0].Words.Single(w => w.Token.Text == "Paris").Tag);
        var labels = Shipped.Value.Card.Tasks.Single(t => t.Name == "sentiment").Labels.ToList();
        Assert.True(analysed[1].Labels["sentiment"][labels.IndexOf("1")] > 0.5, "a happy review is positive");
        Assert.True(analysed[2].Labels["sentiment"][labels.IndexOf("0")] > 0.5, "a torn dress is negative");
        var emotions = Shipped.Value.Card.Tasks.Single(t => t.Name == "emotion").Labels.ToList();
        var strongest = emotions[Array.IndexOf(analysed[1].Labels["emotion"], analysed[1].Labels["emotion"].Max())];
        Assert.Contains(strongest, (string[])["love", "admiration", "joy"]);
    }

    [Fact]
    public void A_line_break_ends_a_name()
    {
        var names = Shipped.Value.Analyze(Segmenter.Sentences("Meeting with Anna\nSmith Street is closed.")).SelectMany(s => s.Entities);

        Assert.DoesNotContain(names, e => e.Text.Contains('\n', StringComparison.Ordinal));
    }
}
