using Hearth.Text.Embeddings;

namespace Hearth.Text.Tests;

public sealed class TokenizerTests
{
    [Fact]
    public void Half_an_emoji_is_read_as_a_replacement_character_not_an_error()
    {
        using var encoder = new MiniLmEncoder();

        Assert.Equal(encoder.Tokenize("Nice \uFFFD phone"), encoder.Tokenize("Nice \uD83D phone"));
        Assert.Equal(encoder.Tokenize("Nice \uFFFD phone"), encoder.Tokenize("Nice \uDE00 phone"));
    }
}
