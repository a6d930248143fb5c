using Hearth.Text.Analysis;
using Hearth.Text.Entities;
using Hearth.Text.Language;
using Hearth.Text.Personality;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Tests;

public sealed class PersonalityTests
{
    private const string Outgoing =
        "Last weekend we threw a huge party on the roof and invited the whole street. I spent the night talking to people I had never met, " +
        "dancing, telling stories and laughing until three in the morning. On Sunday I organised a football match in the park and convinced " +
        "twenty friends to join. I love being surrounded by people; I get my energy from crowds, noise and conversation. Next month I am " +
        "going skydiving with my colleagues, then we are off to a music festival. Honestly, the busier my calendar is, the happier I feel. " +
        "If you ever need someone to lead the team or break the ice at a meeting, call me.";

    private const string Reserved =
        "Last weekend I stayed at home alone, as I usually do. I read a long novel, made tea and watched the rain from the window. " +
        "Parties exhaust me; after an hour in a crowded room I want to slip away quietly and go home. I have two close friends and " +
        "I see them rarely, which suits me. In meetings I prefer to listen and let others speak. I avoid noisy places and I would never " +
        "jump out of a plane. My ideal evening is silent: a book, a blanket, a cat asleep beside me. I keep to myself, and I like my " +
        "small, calm routine that nobody disturbs.";

    private static readonly TextAnalyzer Analyzer = new(new LanguageDetector(), Gazetteer.Empty, new TextModels(new EncoderRuntime()));

    [Fact]
    public void Every_trait_has_its_six_facets_as_percentiles_under_watsons_ids()
    {
        var profile = Analyzer.Analyze(Outgoing, [Feature.Personality]).Personality!;

        Assert.Equal(["big5_openness", "big5_conscientiousness", "big5_extraversion", "big5_agreeableness", "big5_neuroticism"],
            profile.Traits.Select(t => t.TraitId));
        Assert.All(profile.Traits, t => Assert.Equal(6, t.Children.Count));
        Assert.All(profile.Traits.SelectMany(t => t.Children.Append(t)), t => Assert.InRange(t.Percentile, 0, 1));
        Assert.Contains(profile.Traits[2].Children, f => f is { TraitId: "facet_friendliness", Name: "Outgoing" });
    }

    [Fact]
    public void An_outgoing_writer_scores_higher_on_extraversion_than_a_reserved_one()
    {
        var results = Analyzer.AnalyzeMany([Outgoing, Reserved], [Feature.Personality]);
        double Extraversion(AnalysisResult r) => r.Personality!.Traits.Single(t => t.TraitId == "big5_extraversion").Percentile;

        Assert.True(Extraversion(results[0]) > 0.5, $"outgoing text at {Extraversion(results[0])}");
        Assert.True(Extraversion(results[1]) < 0.5, $"reserved text at {Extraversion(results[1])}");
    }

    [Fact]
    public void Watsons_word_count_discipline_error_under_100_words_warning_under_600()
    {
        var words = Analyzer.Analyze(Outgoing, [Feature.Personality]).Usage.Words;
        var shortText = Analyzer.Analyze("I love parties and meeting new people every weekend.", [Feature.Personality]);
        var profile = Analyzer.Analyze(Outgoing, [Feature.Personality]).Personality!;
        var longProfile = Analyzer.Analyze(string.Join(" ", Enumerable.Repeat(Outgoing, 6)), [Feature.Personality]).Personality!;

        Assert.Null(shortText.Personality);
        Assert.Equal("personality: The number of words 9 is less than the minimum number of words required for analysis: 100",
            Assert.Single(shortText.Notes));
        Assert.Equal(words, profile.WordCount);
        Assert.StartsWith($"There were {words} words in the input. We need a minimum of 600", profile.WordCountMessage, StringComparison.Ordinal);
        Assert.True(longProfile.WordCount >= PersonalityModel.SignificantWords);
        Assert.Null(longProfile.WordCountMessage);
    }
}
