using Hearth.Text.Syntax;

namespace Hearth.Text.Tests;

public sealed class LemmatizerTests
{
    [Theory]
    [InlineData("went", "VERB", "go")]
    [InlineData("children", "NOUN", "child")]
    [InlineData("better", "ADJ", "good")]
    [InlineData("The", "DET", "the")]
    [InlineData("Obama", "PROPN", "Obama")]
    [InlineData("reinstalled", "VERB", "reinstall")] // not in the treebank: by the edit of verbs ending in "lled"
    [InlineData("smartphones", "NOUN", "smartphone")]
    public void The_shipped_table_gives_the_lemma_of_seen_and_unseen_words(string word, string tag, string lemma) =>
        Assert.Equal(lemma, Lemmatizer.Shipped.Lemma(word, tag));

    [Fact]
    public void Learned_edits_apply_to_new_words_and_the_table_round_trips()
    {
        var learned = Lemmatizer.Learn([("walked", "VERB", "walk"), ("talked", "VERB", "talk"), ("cats", "NOUN", "cat"),
            ("dogs", "NOUN", "dog"), ("mice", "NOUN", "mouse"), ("Paris", "PROPN", "Paris")]);
        using var saved = new StringWriter();
        learned.Save(saved);
        var loaded = Lemmatizer.Load(new StringReader(saved.ToString()));

        foreach (var lemmatizer in new[] { learned, loaded })
        {
            Assert.Equal("jump", lemmatizer.Lemma("Jumped", "VERB"));
            Assert.Equal("bird", lemmatizer.Lemma("birds", "NOUN"));
            Assert.Equal("mouse", lemmatizer.Lemma("Mice", "NOUN"));
            Assert.Equal("Lyon", lemmatizer.Lemma("Lyon", "PROPN"));
        }
    }

    [Fact]
    public void A_damaged_table_is_refused_with_its_line() =>
        Assert.Contains("line 2",
            Assert.Throws<InvalidDataException>(() => Lemmatizer.Load(new StringReader("w\tcats\tNOUN\tcat\nbroken\n"))).Message,
            StringComparison.Ordinal);
}
