using Hearth.Text.Analysis;
using Hearth.Text.Entities;
using Hearth.Text.Input;
using Hearth.Text.Language;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Tests;

public sealed class AnalyzerTests
{
    private static readonly TextAnalyzer Analyzer = new(new LanguageDetector(), Gazetteer.Empty, new TextModels(new EncoderRuntime()));

    [Fact]
    public void English_and_french_are_detected_and_every_result_says_its_language()
    {
        var english = Analyzer.Analyze("The new GPU cluster trains our language models every night.", Feature.All);
        var french = Analyzer.Analyze("Le nouveau serveur entraîne nos modèles de langue chaque nuit.", Feature.All);

        Assert.Equal("en", english.Language.Code);
        Assert.Equal("fr", french.Language.Code);
        var modelNotes = french.Notes.Where(n => !n.Contains("minimum number of words", StringComparison.Ordinal)).ToList();
        Assert.Equal(["sentiment", "emotion", "tone", "categories", "personality"], modelNotes.Select(n => n.Split(':')[0]));
        Assert.All(modelNotes, n => Assert.EndsWith("French scores are less reliable", n, StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_of_names_or_an_unsure_guess_is_read_in_the_default_language_and_a_named_language_wins()
    {
        const string Names = "Javier Pertile, Paolo Vaccari, Marcello Cuttitta";
        var detector = new LanguageDetector();

        var names = Analyzer.Analyze(Names, [Feature.Language, Feature.Entities]);
        var french = new TextAnalyzer(new LanguageDetector("fr"), Gazetteer.Empty, new TextModels(new EncoderRuntime()))
            .Analyze(Names, [Feature.Language]);
        var named = Analyzer.Analyze("The new GPU cluster trains our models every night.", [Feature.Language], language: "FR");

        Assert.Equal("it", detector.DetectRaw(Names).Code); // the detector alone reads the names' origin
        Assert.Equal("en", names.Language.Code);
        Assert.Equal(["Javier Pertile", "Paolo Vaccari", "Marcello Cuttitta"], names.Entities!.Select(e => e.Text));
        Assert.Equal("fr", french.Language.Code);
        Assert.Equal(new LanguageGuess("fr", 1), named.Language);
        Assert.Throws<ArgumentException>(() => Analyzer.Analyze("text", [Feature.Language], language: "xx"));
    }

    [Fact]
    public void A_language_without_stop_words_says_what_was_not_done()
    {
        var german = Analyzer.Analyze("Der neue Rechner trainiert unsere Sprachmodelle jede Nacht sehr schnell.", Feature.All);

        Assert.Equal("de", german.Language.Code);
        Assert.Empty(german.Keywords!);
        Assert.Contains(german.Notes, n => n.StartsWith("keywords:", StringComparison.Ordinal));
    }

    [Fact]
    public void Keywords_favour_the_phrases_the_text_is_about()
    {
        const string Text = "Local language models run on the GPU cluster. The GPU cluster is cooled by water. " +
            "Every language model is retrained at night on the GPU cluster, and the language models answer customer questions.";

        var keywords = Analyzer.Analyze(Text, [Feature.Keywords]).Keywords!;

        Assert.Equal("gpu cluster", keywords[0].Text);
        Assert.Equal(3, keywords[0].Count);
        Assert.Contains(keywords.Take(4), k => k.Text.StartsWith("language model", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_features_asked_for_are_computed_and_unknown_ones_are_refused_with_the_list()
    {
        var result = Analyzer.Analyze("Call me at 10:30.", [Feature.Entities]);

        Assert.Null(result.Keywords);
        Assert.Null(result.Sentences);
        Assert.Single(result.Entities!);
        var error = Assert.Throws<ArgumentException>(() => Feature.Parse("entities,sentiments"));
        Assert.Contains("choose among language, sentences, entities, keywords, sentiment, emotion, tone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentiment_is_scored_per_document_sentence_and_target()
    {
        const string Text = "The battery is fantastic and lasts two days. The customer support was rude and useless.";

        var sentiment = Analyzer.Analyze(Text, [Feature.Sentiment, Feature.Keywords]).Sentiment!;

        Assert.Equal(["positive", "negative"], sentiment.Sentences.Select(s => s.Label));
        Assert.Equal([0, 44], sentiment.Sentences[0].Location);
        Assert.InRange(sentiment.Document.Score, -1, 1);
        Assert.Equal("positive", sentiment.Targets.Single(t => t.Text == "battery").Label);
        Assert.Equal("negative", sentiment.Targets.Single(t => t.Text == "customer support").Label);
    }

    [Fact]
    public void Emotions_follow_what_each_sentence_expresses_and_plain_facts_score_low()
    {
        const string Text = "I am furious that they cancelled my flight without a word. The flight was scheduled for Tuesday at ten.";

        var emotion = Analyzer.Analyze(Text, [Feature.Emotion]).Emotion!;

        var angry = emotion.Sentences[0].Emotion;
        Assert.True(angry.Anger > 0.5 && angry.Anger > angry.Joy && angry.Anger > angry.Sadness, $"anger {angry.Anger}");
        var plain = emotion.Sentences[1].Emotion;
        Assert.True(new[] { plain.Anger, plain.Disgust, plain.Fear, plain.Joy, plain.Sadness }.Max() < 0.5, "a plain fact reads as emotional");
    }

    [Fact]
    public void Html_keeps_the_visible_text_only_and_markdown_loses_its_markup()
    {
        var html = DocumentReader.HtmlText("<html><head><title>Report</title><style>p{}</style><script>alert(1)</script></head><body><h1>GPU "
            + "use</h1><p>It&nbsp;ran on the <b>CPU</b>.</p></body></html>");
        var markdown = DocumentReader.MarkdownText("# Title\n\nSome **bold** text and a [link](https://x.example).");

        Assert.Equal("Report\n\nGPU use\n\nIt ran on the CPU.", html);
        Assert.Equal("Title\n\nSome bold text and a link.", markdown);
    }

    [Theory]
    [InlineData("The striker scored twice and the team climbed to second place in the league.", "/sports")]
    [InlineData("Add the onions to the pan, then simmer the tomato sauce for twenty minutes.", "/food and drink")]
    [InlineData("The central bank kept its interest rate unchanged and the euro fell against the dollar.", "/finance")]
    public void The_best_category_comes_first_with_a_score_in_0_1(string text, string category)
    {
        var categories = Analyzer.Analyze(text, [Feature.Categories]).Categories!;

        Assert.Equal(category, categories[0].Label);
        Assert.InRange(categories.Count, 1, 3);
        Assert.All(categories, c => Assert.InRange(c.Score, 0.1, 1));
    }
}
