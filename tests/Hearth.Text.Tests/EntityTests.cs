using Hearth.Text.Entities;

namespace Hearth.Text.Tests;

public sealed class EntityTests
{
    [Theory]
    [InlineData("Write to ops@hearth.example today.", "EMAIL", "ops@hearth.example")]
    [InlineData("See https://hearth.example/docs?x=1.", "URL", "https://hearth.example/docs?x=1")]
    [InlineData("It cost $2.5 million last year.", "MONEY", "$2.5 million")]
    [InlineData("Le serveur coûte 1 200 euros.", "MONEY", "1 200 euros")]
    [InlineData("Sales grew 12.5% in a year.", "PERCENT", "12.5%")]
    [InlineData("Une hausse de 7 pour cent.", "PERCENT", "7 pour cent")]
    [InlineData("The meeting is on 12 March 2026.", "DATE", "12 March 2026")]
    [InlineData("Signed on 2026-11-29 in Lyon.", "DATE", "2026-11-29")]
    [InlineData("Rendez-vous le 3 décembre.", "DATE", "3 décembre")]
    [InlineData("We met at 10:30 am sharp.", "TIME", "10:30 am")]
    [InlineData("Départ à 14h30.", "TIME", "14h30")]
    [InlineData("The rack draws 12 kW.", "QUANTITY", "12 kW")]
    [InlineData("They bought 400 GPUs.", "QUANTITY", "400 GPUs")]
    public void Pattern_entities_are_found_with_exact_offsets(string text, string type, string expected)
    {
        var mention = Assert.Single(PatternEntities.Find(text), m => m.Type == type);

        Assert.Equal(expected, mention.Text);
        Assert.Equal(expected, text.Substring(mention.Start, mention.Length));
    }

    [Theory]
    [InlineData("Prime Minister Keir Starmer met the press.", "PERSON", "Keir Starmer")]
    [InlineData("The Bank of England kept rates unchanged.", "ORGANIZATION", "Bank of England")]
    [InlineData("Shares of Siemens fell on Monday.", "ORGANIZATION", "Siemens")]
    [InlineData("Engineers flew to San Francisco last week.", "LOCATION", "San Francisco")]
    [InlineData("Floods hit the Loire Valley again.", "LOCATION", "Loire Valley")]
    [InlineData("\"We will win,\" said Ada Okafor.", "PERSON", "Ada Okafor")]
    public void Names_are_found_by_their_cues(string text, string type, string expected)
    {
        var mentions = new NameFinder().Find(Segmentation.Segmenter.Sentences(text));

        var mention = Assert.Single(mentions, m => m.Type == type);
        Assert.Equal(expected, mention.Text);
        Assert.Equal(expected, text.Substring(mention.Start, mention.Length));
    }

    [Fact]
    public void A_line_break_ends_a_name()
    {
        const string Text = "Robert Kitson\nLONDON 1996-08-30";

        var mentions = new NameFinder().Find(Segmentation.Segmenter.Sentences(Text));

        Assert.Contains(mentions, m => m.Text == "Robert Kitson");
        Assert.DoesNotContain(mentions, m => m.Text.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void A_capitalised_sentence_opener_alone_is_no_name()
    {
        Assert.Empty(new NameFinder().Find(Segmentation.Segmenter.Sentences("Yesterday the server stopped. Nothing else happened.")));
    }

    [Fact]
    public void Overlapping_patterns_keep_the_longest_mention()
    {
        var mentions = PatternEntities.Find("Budget: $400 million for 2026.");

        Assert.Equal(["MONEY"], mentions.Where(m => m.Text.Contains("400", StringComparison.Ordinal)).Select(m => m.Type));
    }

    [Fact]
    public void A_gazetteer_adds_user_types_on_whole_words_only()
    {
        var gazetteer = new Gazetteer(new Dictionary<string, IReadOnlyList<string>> { ["PRODUCT"] = ["Hearth", "Jetson Orin"] });

        var mentions = gazetteer.Find("hearth runs on a Jetson Orin; Hearthstone does not.");

        Assert.Equal(["hearth", "Jetson Orin"], mentions.OrderBy(m => m.Start).Select(m => m.Text));
    }

    [Fact]
    public void Mentions_of_the_same_entity_are_grouped_and_ranked()
    {
        var mentions = PatternEntities.Find("Mail ops@h.example, then ops@h.example again, and see https://h.example.");

        var entities = Entity.Group(mentions, 80);

        Assert.Equal(("EMAIL", 2), (entities[0].Type, entities[0].Count));
        Assert.True(entities[0].Relevance > entities[1].Relevance);
    }

    [Fact]
    public void A_shorter_form_of_a_name_joins_the_fuller_one_when_only_one_fits()
    {
        const string text = "Barack Obama met Michelle Obama and Joe Biden. Biden spoke first; Obama answered. Obama left.";
        EntityMention Person(string name, int from) =>
            new("PERSON", name, text.IndexOf(name, from, StringComparison.Ordinal), name.Length, 0.9, "test");
        EntityMention[] mentions = [Person("Barack Obama", 0), Person("Michelle Obama", 0), Person("Joe Biden", 0), Person("Biden", 46),
            Person("Obama", 50), Person("Obama", 70), new("LOCATION", "Biden", 0, 5, 0.5, "test")];

        var entities = Entity.Group(mentions, text.Length);

        var biden = entities.Single(e => e.Type == "PERSON" && e.Text == "Joe Biden");
        Assert.Equal(["Joe Biden", "Biden"], biden.Mentions.Select(m => m.Text));
        Assert.Equal(2, entities.Single(e => e.Text == "Obama").Count); // two Obamas in the text: which one is not guessed
        Assert.Equal(1, entities.Single(e => e.Text == "Barack Obama").Count);
        Assert.Contains(entities, e => (e.Type, e.Text) == ("LOCATION", "Biden")); // another type stays apart
    }
}
