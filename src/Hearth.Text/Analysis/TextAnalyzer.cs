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
public sealed class TextAnalyzer(LanguageDetector languages, Gazetteer gazetteer, TextModels models)
{
    private static readonly Lazy<NameFinder> Names = new(() => new NameFinder());

    /// <summary>Languages whose stop words, month and day names the analysers know.</summary>
    private static readonly string[] FullySupported = ["en", "fr"];

    /// <param name="language">The language the text is in (a code of <see cref="LanguageDetector.Codes"/>); null: detected.</param>
    /// <param name="cancellationToken">Stops the work between steps and between batches of sentences (a client that went away).</param>
    public AnalysisResult Analyze(string text, IReadOnlyList<string> features, string? language = null,
        CancellationToken cancellationToken = default) =>
        AnalyzeMany([text], features, language, cancellationToken)[0];

    /// <summary>
    /// Several documents at once: their sentences go through the encoder together (once, for every head), which
    /// is faster than one by one. Results in input order.
    /// </summary>
    /// <param name="language">The language every text is in; null: each one's is detected.</param>
    public IReadOnlyList<AnalysisResult> AnalyzeMany(IReadOnlyList<string> texts, IReadOnlyList<string> features, string? language = null,
        CancellationToken cancellationToken = default)
    {
        var given = language is null ? null : new LanguageGuess(LanguageDetector.Check(language), 1);
        var parts = texts.Select(text =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Prepare(text, features, given);
        }).ToList();
        var (wantSentiment, wantEmotion, wantTone) = (features.Contains(Feature.Sentiment), features.Contains(Feature.Emotion),
            features.Contains(Feature.Tone));
        var (wantCategories, wantPersonality) = (features.Contains(Feature.Categories), features.Contains(Feature.Personality));
        if (!features.Intersect(Feature.Encoded).Any())
        {
            return [.. parts.Select(p => p.Result)];
        }

        var all = parts.SelectMany(p => p.Sentences).Select(s => s.Text).ToList();
        var vectors = all.Count == 0 ? [] : models.Encoder.Encode(all, cancellationToken);
        var results = new List<AnalysisResult>();
        var offset = 0;
        foreach (var (result, sentences, targets) in parts)
        {
            var mine = new ArraySegment<float[]>(vectors, offset, sentences.Count);
            offset += sentences.Count;
            results.Add(result with
            {
                Sentiment = wantSentiment ? SentimentScoring.Score(sentences, targets, mine, models.Sentiment) : null,
                Emotion = wantEmotion ? EmotionScoring.Score(sentences, targets, mine, models.Emotion) : null,
                Tone = wantTone ? ToneScoring.Score(sentences, mine, models.Emotion, models.Style) : null,
                Categories = wantCategories ? models.Categories.Classify(mine) : null,
                Personality = wantPersonality && result.Usage.Words >= PersonalityModel.MinimumWords
                    ? models.Personality.Profile(mine, result.Usage.Words) : null,
            });
        }

        return results;
    }

    private (AnalysisResult Result, IReadOnlyList<Sentence> Sentences, IReadOnlyList<string> Targets) Prepare(string text,
        IReadOnlyList<string> features, LanguageGuess? given)
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
        var entities = features.Contains(Feature.Entities)
            ? Entity.Group(PatternEntities.Resolve(patterns.Concat(gazetteer.Find(text)).Concat(supported ? Names.Value.Find(sentences) : [])),
                text.Length)
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
