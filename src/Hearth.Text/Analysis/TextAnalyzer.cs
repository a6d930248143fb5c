using Hearth.Text.Emotion;
using Hearth.Text.Entities;
using Hearth.Text.Keywords;
using Hearth.Text.Language;
using Hearth.Text.Personality;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;
using Hearth.Text.Tone;

namespace Hearth.Text.Analysis;

/// <summary>The text pipeline: language, sentences and tokens with offsets, entities, keywords.</summary>
/// <param name="englishNames">The names model for English texts (the shipped joint model); null, and for other languages: the rules.</param>
public sealed class TextAnalyzer(LanguageDetector languages, Gazetteer gazetteer, TextModels models, IEntityModel? englishNames = null)
{
    private static readonly Lazy<NameFinder> Names = new(() => new NameFinder());

    /// <summary>Languages whose stop words, month and day names the analysers know.</summary>
    private static readonly string[] FullySupported = ["en", "fr"];

    /// <param name="language">The language the text is in (a code of <see cref="LanguageDetector.Codes"/>); null: detected.</param>
    /// <param name="cancellationToken">Stops the work between steps and between batches of sentences (a client that went away).</param>
    /// <param name="choice">Trained models to use instead of the shipped heads; null: the shipped ones.</param>
    public AnalysisResult Analyze(string text, IReadOnlyList<string> features, string? language = null, ModelChoice? choice = null,
        CancellationToken cancellationToken = default) =>
        AnalyzeMany([text], features, language, choice, cancellationToken)[0];

    /// <summary>
    /// Several documents at once: their sentences go through the encoder together (once, for every head), which
    /// is faster than one by one. Results in input order.
    /// </summary>
    /// <param name="language">The language every text is in; null: each one's is detected.</param>
    /// <exception cref="ArgumentException">Classifications asked for without a model to give them.</exception>
    public IReadOnlyList<AnalysisResult> AnalyzeMany(IReadOnlyList<string> texts, IReadOnlyList<string> features, string? language = null,
        ModelChoice? choice = null, CancellationToken cancellationToken = default)
    {
        choice ??= ModelChoice.None;
        if (features.Contains(Feature.Classifications) && choice.Classifications is null)
        {
            throw new ArgumentException("classifications come from a model you trained: name it (--model classifications=NAME; 'hearth models' "
                + "lists them)");
        }

        var given = language is null ? null : new LanguageGuess(LanguageDetector.Check(language), 1);
        var parts = texts.Select(text =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Prepare(text, features, given, choice, cancellationToken);
        }).ToList();
        var (wantSentiment, wantEmotion, wantTone) = (features.Contains(Feature.Sentiment), features.Contains(Feature.Emotion),
            features.Contains(Feature.Tone));
        var (wantCategories, wantPersonality) = (features.Contains(Feature.Categories), features.Contains(Feature.Personality));
        var all = parts.SelectMany(p => p.Sentences).Select(s => s.Text).ToList();
        // The shipped heads read the base encoder's sentence vectors; a trained model runs its own encoder.
        var baseNeeded = features.Intersect(Feature.Encoded).Any(f => f != Feature.Sentiment || choice.Sentiment is null);
        var vectors = !baseNeeded || all.Count == 0 ? [] : models.Encoder.Encode(all, cancellationToken);
        var scores = !wantSentiment || all.Count == 0 ? []
            : choice.Sentiment is { } trained ? Polarity.Scores(trained, all, cancellationToken)
            : [.. vectors.Select(v => (2 * models.Sentiment.Positive(v)) - 1)];
        var classes = choice.Classifications is { } classifier && features.Contains(Feature.Classifications)
            ? classifier.Classify(texts, cancellationToken) : null;
        var results = new List<AnalysisResult>();
        var offset = 0;
        foreach (var (result, sentences, targets) in parts)
        {
            var mine = baseNeeded ? new ArraySegment<float[]>(vectors, offset, sentences.Count) : [];
            var sentiment = wantSentiment
                ? SentimentScoring.Score(sentences, targets, new ArraySegment<double>(scores, offset, sentences.Count)) : null;
            offset += sentences.Count;
            results.Add(result with
            {
                Sentiment = sentiment,
                Emotion = wantEmotion ? EmotionScoring.Score(sentences, targets, mine, models.Emotion) : null,
                Tone = wantTone ? ToneScoring.Score(sentences, mine, models.Emotion, models.Style) : null,
                Categories = wantCategories ? models.Categories.Classify(mine) : null,
                Personality = wantPersonality && result.Usage.Words >= PersonalityModel.MinimumWords
                    ? models.Personality.Profile(mine, result.Usage.Words) : null,
                Classifications = classes is null ? null
                    : [.. choice.Classifications!.Labels.Select((l, i) => new ClassConfidence(l, Math.Round(classes[results.Count][i], 4)))
                        .OrderByDescending(c => c.Confidence)],
            });
        }

        return results;
    }

    private (AnalysisResult Result, IReadOnlyList<Sentence> Sentences, IReadOnlyList<string> Targets) Prepare(string text,
        IReadOnlyList<string> features, LanguageGuess? given, ModelChoice choice, CancellationToken cancellationToken)
    {
        var sentences = Segmenter.Sentences(text);
        var words = sentences.Sum(s => s.Tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Number));
        var language = given ?? (features.Any(f => f != Feature.Sentences) ? languages.Detect(text) : LanguageGuess.Unknown);
        var notes = new List<string>();
        var supported = FullySupported.Contains(language.Code);
        if (!supported && features.Contains(Feature.Keywords))
        {
            notes.Add($"keywords: stop words are known for English and French only, not for '{language.Code}': keywords not extracted");
        }

        if (!supported && features.Contains(Feature.Entities))
        {
            notes.Add($"entities: names, months and days are recognised in English and French only ('{language.Code}' found); numbers, money, "
                + "percentages, dates in numbers, e-mails and URLs are recognised in every language");
        }

        foreach (var feature in features.Intersect(Feature.Encoded))
        {
            if (language.Code == "fr")
            {
                notes.Add($"{feature}: the model was trained mostly on English; French scores are less reliable");
            }
            else if (language.Code is not ("en" or "unknown"))
            {
                notes.Add($"{feature}: the model was trained on English (and some French), not '{language.Code}': scores are unreliable");
            }
        }

        if (features.Contains(Feature.Personality) && PersonalityModel.TooFewWords(words) is { } tooFew)
        {
            notes.Add($"personality: {tooFew}");
        }

        var patterns = features.Contains(Feature.Entities) || features.Contains(Feature.Keywords) ? PatternEntities.Find(text) : [];
        IReadOnlyList<EntityMention> names = !features.Contains(Feature.Entities) ? []
            : choice.Entities?.Find(sentences, cancellationToken)
                ?? (language.Code == "en" && englishNames is not null ? englishNames.Find(sentences, cancellationToken)
                    : supported ? Names.Value.Find(sentences) : []);
        var entities = features.Contains(Feature.Entities)
            ? Entity.Group(PatternEntities.Resolve(patterns.Concat(gazetteer.Find(text)).Concat(names)), text.Length)
            : null;
        // A word inside a date, an amount or an address ("march" in "3 March 2026") is not what the text is about.
        var mentioned = patterns.Select(m => m.Text.ToLowerInvariant()).ToList();
        IReadOnlyList<Keyword>? keywords = !features.Contains(Feature.Keywords) ? null
            : !supported ? []
            : [.. TextRank.Extract(sentences, 15).Where(k => !mentioned.Any(m => m.Contains(k.Text, StringComparison.Ordinal))).Take(10)];
        var targets = (entities?.Select(e => e.Text) ?? []).Concat(keywords?.Select(k => k.Text) ?? []).ToList();
        var result = new AnalysisResult(
            language,
            new TextUsage(text.Length, words, sentences.Count),
            notes,
            features.Contains(Feature.Sentences) ? [.. sentences.Select(s => new SentenceSpan(s.Text, [s.Start, s.End]))] : null,
            entities,
            keywords,
            null);
        return (result, sentences, targets);
    }
}
