using Hearth.Text.Segmentation;

namespace Hearth.Text.Tests;

public sealed class SegmenterTests
{
    [Fact]
    public void Abbreviations_initials_decimals_and_addresses_do_not_end_sentences()
    {
        const string Text = "Dr. Smith paid $3.50 to J. Doe at Acme Corp. in Paris. See www.acme.example/a.b or mail j.doe@acme.example. Done!";

        var sentences = Segmenter.Sentences(Text);

        Assert.Equal(
            ["Dr. Smith paid $3.50 to J. Doe at Acme Corp. in Paris.", "See www.acme.example/a.b or mail j.doe@acme.example.", "Done!"],
            sentences.Select(s => s.Text));
        Assert.All(sentences, s => Assert.Equal(s.Text, Text[s.Start..s.End]));
    }

    [Fact]
    public void Tokens_keep_their_offsets_and_kinds_in_english_and_french()
    {
        const string Text = "L'équipe a dépensé 2,5 millions — c'est state-of-the-art: https://x.example/y!";

        var tokens = Segmenter.Tokenize(Text);

        Assert.Equal(["L'équipe", "a", "dépensé", "2,5", "millions", "—", "c'est", "state-of-the-art", ":", "https://x.example/y", "!"],
            tokens.Select(t => t.Text));
        Assert.All(tokens, t => Assert.Equal(t.Text, Text.Substring(t.Start, t.Length)));
        Assert.Equal(TokenKind.Number, tokens[3].Kind);
        Assert.Equal(TokenKind.Url, tokens[9].Kind);
    }

    [Fact]
    public void A_blank_line_ends_a_heading_without_punctuation_and_quotes_stay_with_their_sentence()
    {
        var sentences = Segmenter.Sentences("Quarterly results\n\nShe said \"we won.\" Then she left.");

        Assert.Equal(["Quarterly results", "She said \"we won.\"", "Then she left."], sentences.Select(s => s.Text));
    }
}
